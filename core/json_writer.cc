#include "json_writer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "utf8.h"

namespace ai {
namespace {

constexpr uint64_t kEveryByte = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "byte k of a loaded word must be text byte k");

// Bit 7 of each byte of `word` that is a control character, '"', '\\' or
// non-ASCII (the bytes a string writer must look at). The tests are the
// classic "has a zero byte" tricks: they may also flag bytes after a true hit,
// never before one, so the lowest flagged byte is a true hit.
inline uint64_t needs_attention(uint64_t word) {
  // Each test is (v - k) & ~v & kHighBits for some v, and every v has the
  // high bits of `word` ('"' and '\\' are ASCII), so the three share one
  // "& ~word", which the non-ASCII test (word & kHighBits) then cancels:
  // (x & ~word | word) & kHighBits == (x | word) & kHighBits.
  const uint64_t below_space = word - kEveryByte * 0x20;
  const uint64_t quote = (word ^ (kEveryByte * '"')) - kEveryByte;
  const uint64_t backslash = (word ^ (kEveryByte * '\\')) - kEveryByte;
  return (below_space | quote | backslash | word) & kHighBits;
}

// The 8 bytes of data[pos, n) from `pos` on, as spaces (which need no
// attention) past `n`. Precondition: pos < n. Builds short tails in a
// register: a partial memcpy into a word on the stack stalls the next load.
inline uint64_t load_padded(const char* data, size_t pos, size_t n) {
  constexpr uint64_t kSpaces = kEveryByte * ' ';
  uint64_t word;
  const size_t available = n - pos;
  if (available >= 8) {
    std::memcpy(&word, data + pos, 8);
  } else if (n >= 8) {  // the string's last 8 bytes, shifted down past the ones already done
    std::memcpy(&word, data + n - 8, 8);
    const unsigned done = static_cast<unsigned>(8 * (8 - available));
    word = (word >> done) | (kSpaces << (64 - done));
  } else {
    word = kSpaces;
    for (size_t i = 0; i < available; ++i) {
      const unsigned shift = static_cast<unsigned>(8 * i);
      word = (word & ~(uint64_t{0xFF} << shift)) | uint64_t{static_cast<unsigned char>(data[pos + i])} << shift;
    }
  }
  return word;
}

inline uint64_t load_word(const char* at) {
  uint64_t word;
  std::memcpy(&word, at, 8);
  return word;
}

inline uint32_t load_half(const char* at) {
  uint32_t half;
  std::memcpy(&half, at, 4);
  return half;
}

// Copies data[0, n) to `out` and returns true when none of its bytes needs
// attention, the case of nearly every string of a report; returns false
// (having copied part of it) otherwise. Reads and writes whole words, the
// last one overlapping the one before, so no byte is read past `n`.
inline bool copy_if_plain(const char* data, size_t n, char* out) {
  if (n >= 8) {
    for (size_t at = 0; at + 8 < n; at += 8) {
      const uint64_t word = load_word(data + at);
      if (needs_attention(word) != 0) return false;
      std::memcpy(out + at, &word, 8);
    }
    const uint64_t last = load_word(data + n - 8);
    std::memcpy(out + n - 8, &last, 8);
    return needs_attention(last) == 0;
  }
  if (n >= 4) {  // two overlapping halves
    const uint32_t first = load_half(data);
    const uint32_t last = load_half(data + n - 4);
    std::memcpy(out, &first, 4);
    std::memcpy(out + n - 4, &last, 4);
    return needs_attention(first | uint64_t{last} << 32) == 0;
  }
  if (n == 0) return true;
  // Bytes 0, n/2 and n-1 are every byte of a string of 1 to 3; spaces fill the word.
  const auto first = static_cast<unsigned char>(data[0]);
  const auto middle = static_cast<unsigned char>(data[n / 2]);
  const auto last = static_cast<unsigned char>(data[n - 1]);
  out[0] = static_cast<char>(first);
  out[n / 2] = static_cast<char>(middle);
  out[n - 1] = static_cast<char>(last);
  return needs_attention(0x2020202020000000ULL | first | middle << 8 | last << 16) == 0;
}

// The letter of the two-character escape of `c` ('n' for a newline), or 0
// when it has none and is written \u00xx.
char short_escape(unsigned char c) {
  switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    default: return 0;
  }
}

// ---- Grisu2, ported from nlohmann/json 3.11.2 (detail/conversions/to_chars.hpp,
// MIT), which adapted Florian Loitsch's reference implementation (MIT, (c) 2009).
// See Loitsch, "Printing Floating-Point Numbers Quickly and Accurately with
// Integers", PLDI 2010. Kept step for step so the digits stay nlohmann's.

struct DiyFp {  // f * 2^e
  uint64_t f = 0;
  int e = 0;
};

DiyFp subtract(DiyFp x, DiyFp y) { return {x.f - y.f, x.e}; }

// x * y, rounded to the upper 64 bits.
DiyFp multiply(DiyFp x, DiyFp y) {
  const uint64_t u_lo = x.f & 0xFFFFFFFFu;
  const uint64_t u_hi = x.f >> 32u;
  const uint64_t v_lo = y.f & 0xFFFFFFFFu;
  const uint64_t v_hi = y.f >> 32u;
  const uint64_t p0 = u_lo * v_lo;
  const uint64_t p1 = u_lo * v_hi;
  const uint64_t p2 = u_hi * v_lo;
  const uint64_t p3 = u_hi * v_hi;
  uint64_t q = (p0 >> 32u) + (p1 & 0xFFFFFFFFu) + (p2 & 0xFFFFFFFFu);
  q += uint64_t{1} << 31u;  // round, ties up
  return {p3 + (p2 >> 32u) + (p1 >> 32u) + (q >> 32u), x.e + y.e + 64};
}

DiyFp normalize(DiyFp x) {
  while ((x.f >> 63u) == 0) {
    x.f <<= 1u;
    x.e--;
  }
  return x;
}

DiyFp normalize_to(DiyFp x, int target_exponent) { return {x.f << (x.e - target_exponent), target_exponent}; }

// The value and the midpoints to its neighbours, all normalised alike.
struct Boundaries {
  DiyFp w;
  DiyFp minus;
  DiyFp plus;
};

// Precondition: `value` finite and positive.
Boundaries compute_boundaries(double value) {
  constexpr int kPrecision = 53;
  constexpr int kBias = 1023 + (kPrecision - 1);
  constexpr int kMinExp = 1 - kBias;
  constexpr uint64_t kHiddenBit = uint64_t{1} << (kPrecision - 1);
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  const uint64_t exponent = bits >> (kPrecision - 1);
  const uint64_t fraction = bits & (kHiddenBit - 1);
  const DiyFp v = exponent == 0 ? DiyFp{fraction, kMinExp}
                                : DiyFp{fraction + kHiddenBit, static_cast<int>(exponent) - kBias};
  const bool lower_boundary_is_closer = fraction == 0 && exponent > 1;
  const DiyFp m_plus{2 * v.f + 1, v.e - 1};
  const DiyFp m_minus = lower_boundary_is_closer ? DiyFp{4 * v.f - 1, v.e - 2} : DiyFp{2 * v.f - 1, v.e - 1};
  const DiyFp w_plus = normalize(m_plus);
  return {normalize(v), normalize_to(m_minus, w_plus.e), w_plus};
}

constexpr int kAlpha = -60;

struct CachedPower {  // f * 2^e ~= 10^k
  uint64_t f;
  int e;
  int k;
};

// A cached power of ten c with kAlpha <= c.e + e + 64 <= -32.
CachedPower cached_power_for_binary_exponent(int e) {
  constexpr int kCachedPowersMinDecExp = -300;
  constexpr int kCachedPowersDecStep = 8;
  static constexpr CachedPower kCachedPowers[] = {
      {0xAB70FE17C79AC6CA, -1060, -300}, {0xFF77B1FCBEBCDC4F, -1034, -292}, {0xBE5691EF416BD60C, -1007, -284},
      {0x8DD01FAD907FFC3C, -980, -276},  {0xD3515C2831559A83, -954, -268},  {0x9D71AC8FADA6C9B5, -927, -260},
      {0xEA9C227723EE8BCB, -901, -252},  {0xAECC49914078536D, -874, -244},  {0x823C12795DB6CE57, -847, -236},
      {0xC21094364DFB5637, -821, -228},  {0x9096EA6F3848984F, -794, -220},  {0xD77485CB25823AC7, -768, -212},
      {0xA086CFCD97BF97F4, -741, -204},  {0xEF340A98172AACE5, -715, -196},  {0xB23867FB2A35B28E, -688, -188},
      {0x84C8D4DFD2C63F3B, -661, -180},  {0xC5DD44271AD3CDBA, -635, -172},  {0x936B9FCEBB25C996, -608, -164},
      {0xDBAC6C247D62A584, -582, -156},  {0xA3AB66580D5FDAF6, -555, -148},  {0xF3E2F893DEC3F126, -529, -140},
      {0xB5B5ADA8AAFF80B8, -502, -132},  {0x87625F056C7C4A8B, -475, -124},  {0xC9BCFF6034C13053, -449, -116},
      {0x964E858C91BA2655, -422, -108},  {0xDFF9772470297EBD, -396, -100},  {0xA6DFBD9FB8E5B88F, -369, -92},
      {0xF8A95FCF88747D94, -343, -84},   {0xB94470938FA89BCF, -316, -76},   {0x8A08F0F8BF0F156B, -289, -68},
      {0xCDB02555653131B6, -263, -60},   {0x993FE2C6D07B7FAC, -236, -52},   {0xE45C10C42A2B3B06, -210, -44},
      {0xAA242499697392D3, -183, -36},   {0xFD87B5F28300CA0E, -157, -28},   {0xBCE5086492111AEB, -130, -20},
      {0x8CBCCC096F5088CC, -103, -12},   {0xD1B71758E219652C, -77, -4},     {0x9C40000000000000, -50, 4},
      {0xE8D4A51000000000, -24, 12},     {0xAD78EBC5AC620000, 3, 20},       {0x813F3978F8940984, 30, 28},
      {0xC097CE7BC90715B3, 56, 36},      {0x8F7E32CE7BEA5C70, 83, 44},      {0xD5D238A4ABE98068, 109, 52},
      {0x9F4F2726179A2245, 136, 60},     {0xED63A231D4C4FB27, 162, 68},     {0xB0DE65388CC8ADA8, 189, 76},
      {0x83C7088E1AAB65DB, 216, 84},     {0xC45D1DF942711D9A, 242, 92},     {0x924D692CA61BE758, 269, 100},
      {0xDA01EE641A708DEA, 295, 108},    {0xA26DA3999AEF774A, 322, 116},    {0xF209787BB47D6B85, 348, 124},
      {0xB454E4A179DD1877, 375, 132},    {0x865B86925B9BC5C2, 402, 140},    {0xC83553C5C8965D3D, 428, 148},
      {0x952AB45CFA97A0B3, 455, 156},    {0xDE469FBD99A05FE3, 481, 164},    {0xA59BC234DB398C25, 508, 172},
      {0xF6C69A72A3989F5C, 534, 180},    {0xB7DCBF5354E9BECE, 561, 188},    {0x88FCF317F22241E2, 588, 196},
      {0xCC20CE9BD35C78A5, 614, 204},    {0x98165AF37B2153DF, 641, 212},    {0xE2A0B5DC971F303A, 667, 220},
      {0xA8D9D1535CE3B396, 694, 228},    {0xFB9B7CD9A4A7443C, 720, 236},    {0xBB764C4CA7A44410, 747, 244},
      {0x8BAB8EEFB6409C1A, 774, 252},    {0xD01FEF10A657842C, 800, 260},    {0x9B10A4E5E9913129, 827, 268},
      {0xE7109BFBA19C0C9D, 853, 276},    {0xAC2820D9623BF429, 880, 284},    {0x80444B5E7AA7CF85, 907, 292},
      {0xBF21E44003ACDD2D, 933, 300},    {0x8E679C2F5E44FF8F, 960, 308},    {0xD433179D9C8CB841, 986, 316},
      {0x9E19DB92B4E31BA9, 1013, 324},
  };
  const int f = kAlpha - e - 1;
  const int k = (f * 78913) / (1 << 18) + static_cast<int>(f > 0);
  const int index = (-kCachedPowersMinDecExp + k + (kCachedPowersDecStep - 1)) / kCachedPowersDecStep;
  return kCachedPowers[index];
}

// For n != 0: k with 10^(k-1) <= n < 10^k, and pow10 = 10^(k-1).
int find_largest_pow10(uint32_t n, uint32_t* pow10) {
  uint32_t power = 1000000000;
  int k = 10;
  while (k > 1 && n < power) {
    power /= 10;
    --k;
  }
  *pow10 = power;
  return k;
}

// Moves the last digit down while that brings the result closer to w.
void grisu2_round(char* buf, int len, uint64_t dist, uint64_t delta, uint64_t rest, uint64_t ten_k) {
  while (rest < dist && delta - rest >= ten_k && (rest + ten_k < dist || dist - rest > rest + ten_k - dist)) {
    buf[len - 1]--;
    rest += ten_k;
  }
}

// Generates digits of V = buffer * 10^decimal_exponent with M- <= V <= M+.
void grisu2_digit_gen(char* buffer, int* length, int* decimal_exponent, DiyFp m_minus, DiyFp w, DiyFp m_plus) {
  uint64_t delta = subtract(m_plus, m_minus).f;
  uint64_t dist = subtract(m_plus, w).f;
  const DiyFp one{uint64_t{1} << -m_plus.e, m_plus.e};
  auto p1 = static_cast<uint32_t>(m_plus.f >> -one.e);
  uint64_t p2 = m_plus.f & (one.f - 1);
  uint32_t pow10 = 0;
  int n = find_largest_pow10(p1, &pow10);
  while (n > 0) {
    const uint32_t d = p1 / pow10;
    p1 %= pow10;
    buffer[(*length)++] = static_cast<char>('0' + d);
    n--;
    const uint64_t rest = (uint64_t{p1} << -one.e) + p2;
    if (rest <= delta) {
      *decimal_exponent += n;
      grisu2_round(buffer, *length, dist, delta, rest, uint64_t{pow10} << -one.e);
      return;
    }
    pow10 /= 10;
  }
  int m = 0;
  for (;;) {
    p2 *= 10;
    const uint64_t d = p2 >> -one.e;
    p2 &= one.f - 1;
    buffer[(*length)++] = static_cast<char>('0' + d);
    m++;
    delta *= 10;
    dist *= 10;
    if (p2 <= delta) break;
  }
  *decimal_exponent -= m;
  grisu2_round(buffer, *length, dist, delta, p2, one.f);
}

// Digits of finite positive `value` = buf[0, len) * 10^decimal_exponent.
void grisu2(char* buf, int* len, int* decimal_exponent, double value) {
  const Boundaries b = compute_boundaries(value);
  const CachedPower cached = cached_power_for_binary_exponent(b.plus.e);
  const DiyFp c_minus_k{cached.f, cached.e};
  const DiyFp w = multiply(b.w, c_minus_k);
  const DiyFp w_minus = multiply(b.minus, c_minus_k);
  const DiyFp w_plus = multiply(b.plus, c_minus_k);
  *decimal_exponent = -cached.k;
  grisu2_digit_gen(buf, len, decimal_exponent, DiyFp{w_minus.f + 1, w_minus.e}, w, DiyFp{w_plus.f - 1, w_plus.e});
}

char* append_exponent(char* buf, int e) {
  *buf++ = e < 0 ? '-' : '+';
  auto k = static_cast<uint32_t>(e < 0 ? -e : e);
  if (k >= 100) {
    *buf++ = static_cast<char>('0' + k / 100);
    k %= 100;
  }
  *buf++ = static_cast<char>('0' + k / 10);  // at least two digits, as printf's %g
  *buf++ = static_cast<char>('0' + k % 10);
  return buf;
}

// Lays out buf[0, len) * 10^decimal_exponent: fixed notation when the value
// lies in [10^min_exp, 10^max_exp), else exponential. Returns the end.
char* format_buffer(char* buf, int len, int decimal_exponent, int min_exp, int max_exp) {
  const int k = len;
  const int n = len + decimal_exponent;
  if (k <= n && n <= max_exp) {  // digits, zeros, ".0"
    std::memset(buf + k, '0', static_cast<size_t>(n - k));
    buf[n] = '.';
    buf[n + 1] = '0';
    return buf + n + 2;
  }
  if (0 < n && n <= max_exp) {  // dddd.ddd
    std::memmove(buf + n + 1, buf + n, static_cast<size_t>(k - n));
    buf[n] = '.';
    return buf + k + 1;
  }
  if (min_exp < n && n <= 0) {  // 0.000ddd
    std::memmove(buf + 2 - n, buf, static_cast<size_t>(k));
    buf[0] = '0';
    buf[1] = '.';
    std::memset(buf + 2, '0', static_cast<size_t>(-n));
    return buf + 2 - n + k;
  }
  if (k == 1) {  // de+xx
    buf += 1;
  } else {  // d.ddde+xx
    std::memmove(buf + 2, buf + 1, static_cast<size_t>(k - 1));
    buf[1] = '.';
    buf += 1 + k;
  }
  *buf++ = 'e';
  return append_exponent(buf, n - 1);
}

}  // namespace

void JsonWriter::grow(size_t n) {
  buffer_.resize(std::max(buffer_.size() * 2, size_ + n + 64));
}

std::string JsonWriter::take() {
  buffer_.resize(size_);
  std::string out = std::move(buffer_);
  buffer_.clear();
  size_ = 0;
  return out;
}

// Appends the escaped body of `text`; returns false (having appended part of
// it) at the first ill-formed UTF-8 sequence.
bool JsonWriter::append_escaped(std::string_view text) {
  const char* const data = text.data();
  const size_t n = text.size();
  size_t pos = 0;
  size_t copied = 0;  // text[copied, pos) is plain and not yet appended
  while (pos < n) {
    const size_t available = n - pos;
    const uint64_t attention = needs_attention(load_padded(data, pos, n));
    if (attention == 0) {
      pos += available < 8 ? available : 8;
      continue;
    }
    pos += static_cast<size_t>(__builtin_ctzll(attention)) / 8;  // the first flagged byte
    const auto c = static_cast<unsigned char>(data[pos]);
    if (c >= 0x80) {
      const Utf8Sequence sequence = read_utf8_sequence(text, pos);
      if (!sequence.valid) return false;
      pos += sequence.length;
      continue;
    }
    raw(text.substr(copied, pos - copied));
    char* out = room(6);
    out[0] = '\\';
    if (const char letter = short_escape(c)) {
      out[1] = letter;
      size_ += 2;
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      std::memcpy(out + 1, "u00", 3);
      out[4] = kHex[c >> 4];
      out[5] = kHex[c & 0xF];
      size_ += 6;
    }
    copied = ++pos;
  }
  raw(text.substr(copied));
  return true;
}

void JsonWriter::string(std::string_view text) {
  const size_t n = text.size();
  char* out = room(n + 2);
  if (copy_if_plain(text.data(), n, out + 1)) {
    out[0] = '"';
    out[n + 1] = '"';
    size_ += n + 2;
    return;
  }
  const size_t start = size_;
  raw("\"");
  if (!append_escaped(text)) {
    // nlohmann replaces ill-formed bytes as the WHATWG decoder does, so
    // repairing first and escaping the result gives its bytes.
    size_ = start;
    raw("\"");
    append_escaped(repair_utf8(text).text);
  }
  raw("\"");
}

void JsonWriter::unsigned_number(uint64_t value) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  constexpr size_t kMaxDigits = 20;
  char* out = room(kMaxDigits);
  // Offsets into a news article, most numbers here, have up to four digits:
  // those are written front to back after at most one division.
  if (value < 100) {
    if (value < 10) {
      out[0] = static_cast<char>('0' + value);
      size_ += 1;
    } else {
      std::memcpy(out, kPairs + 2 * value, 2);
      size_ += 2;
    }
    return;
  }
  if (value < 10000) {
    const auto high = static_cast<uint32_t>(value) / 100;
    const auto low = static_cast<uint32_t>(value) % 100;
    if (high < 10) {
      out[0] = static_cast<char>('0' + high);
      std::memcpy(out + 1, kPairs + 2 * low, 2);
      size_ += 3;
    } else {
      std::memcpy(out, kPairs + 2 * high, 2);
      std::memcpy(out + 2, kPairs + 2 * low, 2);
      size_ += 4;
    }
    return;
  }
  size_t digits = 5;
  for (uint64_t bound = 100000; digits < kMaxDigits && value >= bound; bound *= 10) ++digits;
  // Last digit first, two digits a step.
  char* first = out + digits;
  for (; value >= 100; value /= 100) {
    first -= 2;
    std::memcpy(first, kPairs + 2 * (value % 100), 2);
  }
  if (value >= 10) std::memcpy(first - 2, kPairs + 2 * value, 2);
  else first[-1] = static_cast<char>('0' + value);
  size_ += digits;
}

void JsonWriter::double_number(double value) {
  if (!std::isfinite(value)) {
    null();
    return;
  }
  // Most figures are whole numbers. Below 10^15 (fixed notation) such a
  // value's Grisu2 digits are its integer digits, trailing zeros aside: its
  // rounding interval is at most one unit wide and centred on it, so no other
  // number as short lies in it, and the digits stop there at the latest.
  const double magnitude = std::fabs(value);
  if (magnitude < 1e15 && static_cast<double>(static_cast<uint64_t>(magnitude)) == magnitude) {
    if (std::signbit(value)) raw("-");
    unsigned_number(static_cast<uint64_t>(magnitude));
    raw(".0");
    return;
  }
  char buffer[32];
  char* first = buffer;
  if (std::signbit(value)) *first++ = '-';
  int length = 0;
  int decimal_exponent = 0;
  grisu2(first, &length, &decimal_exponent, magnitude);
  char* last = format_buffer(first, length, decimal_exponent, /*min_exp=*/-4, /*max_exp=*/15);
  raw(std::string_view(buffer, static_cast<size_t>(last - buffer)));
}

}  // namespace ai
