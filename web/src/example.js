// example.js — the built-in example article ("Load example" on the page).
// Written for this project (not taken from any publication): it exercises
// what the inspector finds — people with roles, organisations, places,
// money, percents, counts, measures with conversions, dates, durations,
// quotes with speakers, anonymous sources and page clutter.
const EXAMPLE_ARTICLE = `Floods cut off alpine valley as river reaches highest level in 40 years

BOLZANO, Italy (AP) – Rescue teams evacuated more than 1,200 residents from villages in the Val Venosta on Sunday after three days of rain pushed the Adige river to its highest level since 1983, regional officials said.

By Chiara Bernardi and Tom Whitfield

The river peaked at 6.4 metres (21 feet) at the Merano gauge early on Sunday, nearly twice its usual level for November. About 350 firefighters and 14 helicopters were deployed, according to the Civil Protection Department.

"We have never seen the water come up this fast," said Luca Pichler, the mayor of Laces. "By midnight the bridge was gone and the school was an island."

Watch: Drone footage shows the flooded valley floor

Arno Kompatscher, the president of the province, said the damage could exceed €150m. He asked the government in Rome for emergency funds on Monday.

Rainfall at the Resia pass reached 310 millimetres in 72 hours, about 40% of what the station records in a typical year. Forecasters at MeteoAlpi said another 80mm was possible by Tuesday.

The regional railway suspended services on the 60-kilometre (37-mile) line between Merano and Malles, affecting some 9,000 passengers a day. The operator, SAD, said repairs would take at least two weeks.

Insurers put early losses in the region at $210 million, up from $140 million after the storms of 2018, an increase of 50%.

"Nobody should go back into the lower houses until the engineers have checked them," Pichler told the broadcaster RAI on Sunday evening.

Two people were reported missing near Silandro, officials said. A 67-year-old farmer was rescued from the roof of his barn after spending nine hours there.

Read more: Why Europe's alpine rivers are rising faster

The European Union's solidarity fund has paid out about €8.2bn for natural disasters since it was set up in 2002.

Share this article

Sign up for our morning briefing
`;

if (typeof module !== 'undefined' && module.exports) module.exports = { EXAMPLE_ARTICLE };
