// tool_files.h — file listing shared by the native tools (the core does no I/O).
#pragma once

#include <dirent.h>
#include <sys/stat.h>

#include <string>
#include <vector>

namespace tools {

// Appends every regular file under `dir` (recursively) to `out`; unreadable
// directories are skipped.
inline void list_files(const std::string& dir, std::vector<std::string>* out) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) list_files(path, out);
    else if (S_ISREG(st.st_mode)) out->push_back(path);
  }
  closedir(d);
}

}  // namespace tools
