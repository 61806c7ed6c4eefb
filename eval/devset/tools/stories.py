# -*- coding: utf-8 -*-
"""Hand-written stories (all text original) with every entity mention marked by hand.

[[surface]] or [[surface|Canonical]]; see build.py. Unmarked capitalised words are deliberate
non-mentions (landmarks, events, holidays, "Western", buildings, reporters' bylines...).
"""


def P(s):
    return [" ".join(x.split()) for x in s.strip().split("\n\n")]


# surface (possessive stripped) -> canonical name (English Wikipedia title)
ALIAS = {
    "Putin": "Vladimir Putin", "PUTIN": "Vladimir Putin",
    "Xi": "Xi Jinping", "XI": "Xi Jinping",
    "Russian": "Russia", "Russians": "Russia",
    "Chinese": "China",
    "Ukrainian": "Ukraine", "Ukrainians": "Ukraine",
    "Kremlin": "Moscow Kremlin",
    "EU": "European Union",
    "U.S.": "United States", "US": "United States", "American": "United States",
    "Zelensky": "Volodymyr Zelenskyy", "Zelenskiy": "Volodymyr Zelenskyy", "Zelenskyy": "Volodymyr Zelenskyy",
    "Macron": "Emmanuel Macron", "Modi": "Narendra Modi",
    "Erdogan": "Recep Tayyip Erdoğan", "Erdoğan": "Recep Tayyip Erdoğan",
    "Lula": "Luiz Inácio Lula da Silva",
    "Brazilian": "Brazil", "Turkish": "Turkey", "Indian": "India", "French": "France",
    "Vietnamese": "Vietnam", "Polish": "Poland", "Serbian": "Serbia", "Slovak": "Slovakia",
    "Hungarian": "Hungary", "Romanian": "Romania", "Bulgarian": "Bulgaria", "British": "United Kingdom", "Danish": "Denmark", "Estonian": "Estonia",
    "Venezuelan": "Venezuela", "Cuban": "Cuba",
    "North Korean": "North Korea", "South Korean": "South Korea",
    "Soviet": "Soviet Union",
    "Lavrov": "Sergey Lavrov", "Peskov": "Dmitry Peskov", "Fidan": "Hakan Fidan",
    "Kallas": "Kaja Kallas", "Sikorski": "Radosław Sikorski", "Fico": "Robert Fico",
    "Trump": "Donald Trump", "Rubio": "Marco Rubio", "Umerov": "Rustem Umerov",
    "Sybiha": "Andrii Sybiha", "Medinsky": "Vladimir Medinsky",
    "Washington": "Washington, D.C.",
    "Rio": "Rio de Janeiro",
    "CELAC": "Community of Latin American and Caribbean States",
    "SCO": "Shanghai Cooperation Organisation",
    "Lenskiy": "Arkady Lenskiy", "Marchuk": "Olena Marchuk", "Ostapenko": "Serhiy Ostapenko",
    "Aydemir": "Serkan Aydemir",
}

# canonical names treated as gazetteer entities (countries, capitals, major cities, leaders,
# ministers, spokespeople, international organisations)
GAZ = set("""
Vladimir Putin|Xi Jinping|Russia|China|Ukraine|Moscow Kremlin|European Union|United States
Volodymyr Zelenskyy|Emmanuel Macron|Narendra Modi|Recep Tayyip Erdoğan|Luiz Inácio Lula da Silva
Brazil|Turkey|India|France|Vietnam|Poland|Serbia|Slovakia|Hungary|United Kingdom|Denmark|Estonia
Venezuela|Cuba|North Korea|South Korea|Soviet Union|Nazi Germany|Germany|Japan|Egypt|Laos
Burkina Faso|South Africa|Romania|Bulgaria|Bucharest|Lin Jian|Yaşar Güler|Peru|Indonesia|Singapore|Finland|Ethiopia|Lithuania|Latvia
Sergey Lavrov|Dmitry Peskov|Hakan Fidan|Kaja Kallas|Radosław Sikorski|Robert Fico|Donald Trump
Marco Rubio|Rustem Umerov|Andrii Sybiha|Wang Yi|Mikhail Mishustin|Aleksandar Vučić
Nicolás Maduro|Miguel Díaz-Canel|Ibrahim Traoré|Péter Szijjártó|Mauro Vieira|Tô Lâm|Lương Cường
Prabowo Subianto|Kim Jong Un
Moscow|Kyiv|Beijing|Washington, D.C.|Warsaw|Brussels|Istanbul|Ankara|Hanoi|Ho Chi Minh City
Jakarta|Paris|New Delhi|Belgrade|Bratislava|Baku|Budapest|Seoul|Pyongyang|Rio de Janeiro|Kazan
Harbin|Kharkiv
NATO|BRICS|Shanghai Cooperation Organisation|European Commission|Council of the European Union
Community of Latin American and Caribbean States|United Nations Security Council
World Trade Organization|European Bank for Reconstruction and Development
""".replace("\n", "|").split("|")) - {""}

# names not likely in such a gazetteer: invented people, companies, towns; sub-national regions;
# aides who are not ministers; companies; smaller real towns
OPEN = set("""
Arkady Lenskiy|Heilong Frontier Bank|Halyna Tkachuk|Serhiy Ostapenko|Zhonghe Rail Engineering
Mato Grosso|Rosângela Furtado|Sorriso|Vladimir Medinsky|Airbus|Vietjet|Velmora Freight
Novo Rudište|Dragan Ilić|Gornji Lug|Milena Jokanović|Zarichne Pole|Poltava Oblast|Olena Marchuk
Stepova Nyva|Poltava|Suryakant Solar|Palwara|Gujarat|Kavita Rathod|Vaskjärve|Rohuküla|Saarlink
Tarmo Kivisild|Kadri Saar|Karaçam|Serkan Aydemir|Bank of Provinces|Nampo
Korean Central News Agency|Kim Hye-won|Kursk Oblast
Hronská Lehota|Dolné Brezno|Ján Kováčik|Stavby Pohronie|Banská Bystrica|Zuzana Hrubá
""".replace("\n", "|").split("|")) - {""}

# --- boilerplate pools (mentions inside them never count) -----------------------------------
TEASERS = [
    "Kremlin Guard Rehearsal Closes Streets Near Red Square",
    "Tariff Talks Between Washington and Tokyo Stall Again",
    "Zelenskyy Thanks Canada For New Winter Aid Package",
    "Beijing Auto Show Draws Record Crowds Despite Price War",
    "Erdogan Opens Black Sea Tunnel Ahead Of Schedule",
    "Modi's Party Wins Key By-Election In Southern State",
    "NATO Drills In Baltic Sea Draw Russian Protest",
    "Lula Signs Amazon Fund Deal With Norway",
    "Macron Names New Envoy For Pacific Territories",
    "Chinese Rover Sends First Images From Lunar Far Side",
    "EU Court Rules On Airline Compensation For Strikes",
    "Serbia And Hungary Open New Cross-Border Rail Line",
    "Putin Awards Medals To Arctic Shipping Crews",
    "Kyiv Cafes Stay Open Through Night Curfew Changes",
]
COLUMNS = [
    "Cities That Plan For Heat: Lessons From Five Urban Cooling Pilots",
    "Why Small Farms Need Better Weather Data Than Big Ones",
    "Counting The Uncounted: What Informal Jobs Mean For Growth Figures",
    "The Hidden Price Of Cheap Freight On The Caspian Route",
    "Teachers, Tablets And The Limits Of Digital Classrooms In Rural India",
]
READNEXT = [
    "Flooding along the Sava river forced the evacuation of three villages in Croatia overnight, local authorities said, as rain continued across the Balkans.",
    "Shares in Asian chipmakers rose on Tuesday after reports that Washington may ease some export rules for older equipment.",
    "A new ferry line between Istanbul and Odesa is planned for the autumn, Turkish port officials told reporters, subject to security guarantees.",
    "Police in Paris detained twelve people after clashes near a football stadium following a late-night match.",
    "Chinese and Brazilian scientists signed a deal to build a joint weather satellite, the space agency in Beijing said.",
    "The Kremlin said Vladimir Putin would address a business forum in St Petersburg next month.",
    "Heavy snow in the Japanese Alps trapped dozens of hikers, rescuers said on Sunday.",
]
MARKET = [
    "Global Cold Chain Logistics Market Outlook 2025-2032",
    "Europe Industrial Heat Pump Market To Reach USD 9.4 Billion By 2031",
    "China Electric Bus Market Size, Share And Forecast Report 2025",
    "How To Start A Solar Installation Business In 2025: A Step-By-Step Plan",
    "India Packaged Water Market Demand And Growth Drivers 2025-2030",
    "Russia Fertiliser Exports Market Review 2025",
    "United States Drone Delivery Market Trends 2025-2033",
]

STORIES = {}


def story(sid, event, headlines, paras, **extra):
    STORIES[sid] = {"event": event, "headlines": headlines, "paras": P(paras), "extra": {k: " ".join(v.split()) for k, v in extra.items()}}


# ============================== E01: Xi-Putin talks in Moscow, 8 May ==========================
story("S01", "E01", [
    "[[Xi]] and [[Putin]] pledge deeper partnership at [[Kremlin]] talks",
    "[[Putin]] hosts [[Xi]] as [[Moscow]] prepares for Victory Day parade",
], """
[[Chinese]] President [[Xi Jinping]] and [[Russian]] President [[Vladimir Putin]] agreed on Thursday to
deepen what both sides call a comprehensive strategic partnership, signing a joint statement after more
than three hours of talks at the [[Kremlin]].

[[Xi]], the most senior of roughly two dozen foreign guests in [[Moscow]] this week, arrived on Wednesday
for a four-day state visit timed to the 80th anniversary of the defeat of [[Nazi Germany]]. He is due to
watch the Victory Day parade on Red Square on Friday.

“Our countries should remain good neighbours and reliable partners,” [[Xi]] told [[Putin]] at the start
of the meeting, according to a transcript released by the [[Kremlin]]. [[Putin]] called his guest a dear
friend and said he would visit [[China]] later this year.

Officials from both countries signed about twenty documents covering trade, energy, media and research.
The [[Russian]] side said the talks also covered supplies of oil and gas to [[China]] and cooperation
within [[BRICS]] and the [[Shanghai Cooperation Organisation]].

The visit comes as [[Washington]] presses [[Moscow]] and [[Kyiv]] to agree a ceasefire in [[Ukraine]].
[[Ukrainian]] President [[Volodymyr Zelenskyy]] has called for a 30-day truce, while [[Putin]] has
declared a three-day pause in fighting around the commemorations.
""",
    mt0="""[[Chinese]] President [[Xi Jinping]] and [[Russian]] President [[Vladimir Putin]] agreed Thursday to
deepen what both parties call a global strategic partnership, signing a joint declaration after more than
three hours of interviews at the [[Kremlin]].""",
    mt1="""Symbolism of the victory The visit of [[XIS|Xi Jinping]], the highest of about two dozen foreign
guests in [[Moscow]] this week, began Wednesday for four days fixed on the 80th anniversary of the defeat
of [[Nazi Germany]]. He must attend the parade of the day of victory on the Red Square Friday.""",
    mt2="""Our countries must remain good neighbours and reliable partners, [[XI|Xi Jinping]] told
[[Poutine|Vladimir Putin]] at the start of the meeting, according to a transcription published by the
[[Kremlin]]. [[Poutine|Vladimir Putin]] called his guest a dear friend and said he would go to [[China]]
later this year.""",
    mt3="""Energy and trade The officials of the two countries signed about twenty documents covering trade,
energy, media and research. The [[Russian]] party said that the talks also covered the supplies of oil
and gas of [[Russia]] to [[China]] and the cooperation inside the [[BRICS]] bloc and the
[[Organization of Shanghai Cooperation|Shanghai Cooperation Organisation]].""",
    mt4="""Ceasefire in question The visit intervenes while [[Washington]] pushes [[Moscow]] and [[Kyiv]] to
agree a ceasefire in [[Ukraine]]. The [[Ukrainian]] president [[Volodymyr Zelensky|Volodymyr Zelenskyy]]
asked for a truce of 30 days, while [[Xis|Xi Jinping]] host [[Poutine|Vladimir Putin]] declared a
three-day pause of the fights around the commemorations.""",
)

story("S02", "E01", [
    "[[Russia]], [[China]] leaders discuss gas pipeline and trade in yuan",
    "Energy tops agenda as [[Xi]] meets [[Putin]]",
], """
Energy supplies and payments in national currencies dominated Thursday's meeting between
[[Vladimir Putin]] and [[Xi Jinping]], officials said, with the long-delayed Power of Siberia 2 gas
pipeline again on the table but no final contract announced.

[[Kremlin]] spokesman [[Dmitry Peskov]] told reporters that the two leaders had held a one-on-one
conversation over tea after the formal session. He gave no details but said the atmosphere had been
“very warm”.

[[China]]-[[Russia]] trade fell slightly in the first quarter of the year, according to
[[Chinese]] customs data, after reaching a record last year. Almost all payments are now settled in
roubles and yuan, a shift both governments present as protection against Western sanctions.

[[Chinese]] Foreign Minister [[Wang Yi]] and his [[Russian]] counterpart [[Sergey Lavrov]] joined part of
the talks. [[Lavrov]] later said [[Moscow]] and [[Beijing]] shared a view of a world in which no single
power sets the rules.

[[Xi]] will stay in the [[Russian]] capital until Saturday. [[Chinese]] state media said he would also
meet [[Russian]] Prime Minister [[Mikhail Mishustin]].
""")

story("S03", "E01", [
    "What [[Xi's]] [[Moscow]] visit says about [[Russian]]-[[Chinese]] ties",
], """
When [[Xi Jinping]] stepped off his plane in [[Moscow]] on Wednesday, the welcome was as carefully staged
as any in recent years. Yet analysts in [[Moscow]] and [[Beijing]] say the relationship on display is
more uneven than the ceremony suggests.

“[[China]] needs [[Russia]] as a quiet rear and a source of cheap energy; [[Russia]] needs [[China]] as a
market and a supplier of everything else,” said [[Arkady Lenskiy]], who teaches international relations
at a private university in [[Kazan]]. “Neither side says it out loud, but the balance has shifted.”

The [[Russian]] leader has spent the week stressing shared memory of the war against [[Nazi Germany]], in
which the [[Soviet Union]] and [[China]] both suffered enormous losses. [[Chinese]] officials have echoed
the theme, but have avoided any language that could be read as support for [[Moscow's|Moscow]] campaign
in [[Ukraine]].

[[Beijing]] has also kept its distance from the most sensitive sanctions risks. Several large
[[Chinese]] banks still refuse payments from [[Russian]] clients, according to traders in [[Harbin]],
forcing importers to route money through smaller lenders such as the little-known
[[Heilong Frontier Bank]].

“President [[Xi]] will say the right words about friendship,” [[Lenskiy]] said. “The question is what
[[Chinese]] companies do the day after he flies home.”
""")

# ============================== E02: Victory Day parade, 9 May ================================
story("S04", "E02", [
    "[[Xi]] and [[Lula]] among guests as [[Moscow]] marks Victory Day with parade",
    "[[Russia]] stages its largest parade in years for 80th anniversary",
], """
[[Russia]] held its biggest Victory Day parade in years on Friday, with more than 11,000 troops marching
across Red Square in front of President [[Vladimir Putin]] and some two dozen foreign leaders, among them
[[Chinese]] President [[Xi Jinping]] and [[Brazilian]] President [[Luiz Inácio Lula da Silva]].

Soldiers from [[China]], [[Egypt]], [[Vietnam]] and several other countries marched alongside
[[Russian]] units. The parade marked 80 years since the defeat of [[Nazi Germany]], a victory for which
the [[Soviet Union]] paid with an estimated 27 million lives.

In a short speech, [[Putin]] said the whole country stood behind the troops fighting in what he calls
the special military operation. He thanked the foreign guests and singled out [[China]] for what he
described as its shared memory of the war.

The ceremony went ahead under heavy security after a wave of [[Ukrainian]] drone attacks on [[Moscow]]
earlier in the week briefly closed several airports. A three-day ceasefire declared by the [[Kremlin]]
for the holiday was due to end at midnight on Saturday.

[[Aleksandar Vučić]] of [[Serbia]] and [[Robert Fico]] of [[Slovakia]] attended despite criticism from
the [[European Union]], which had urged leaders of member and candidate countries to stay away.
""",
    add1="""Asked by this newspaper, the [[Slovak]] government office in [[Bratislava]] said [[Fico]] had
travelled via [[Baku]] after [[Poland]], [[Lithuania]] and [[Latvia]] closed their airspace to his plane.""",
)

story("S05", "E02", [
    "Who watched the parade: [[Moscow's|Moscow]] guest list for May 9",
], """
Twenty-nine foreign delegations were listed by the [[Kremlin]] for the celebrations in [[Moscow]], which
ran from May 7 to May 10 and peaked with the parade on the morning of Friday, May 9.

The most prominent guest was [[Xi Jinping]], whose state visit overlapped with the whole programme.
[[Brazil's|Brazil]] [[Lula]] arrived on Thursday night, while [[Venezuelan]] President
[[Nicolás Maduro]] and [[Cuban]] President [[Miguel Díaz-Canel]] had already held talks with [[Putin]]
earlier in the week.

Leaders from [[Egypt]], [[Vietnam]], [[Laos]] and [[Burkina Faso]] also attended.
[[Burkina Faso's|Burkina Faso]] [[Ibrahim Traoré]], the youngest head of state in the group, drew the
largest crowds of onlookers along Tverskaya Street.

Notably absent were leaders of [[India]] and [[South Africa]], fellow [[BRICS]] members, who sent
ministers instead. [[Indian]] Prime Minister [[Narendra Modi]] had cancelled his trip weeks earlier.

Many citizens abroad followed the parade online. The [[Russian]] consulate's information line,
020 0905 2025, played a recorded holiday message and said the consular office would reopen on May 12.
""")

story("S06", "E02", [
    "[[Chinese]] honour guard marches on Red Square as [[Xi]] watches beside [[Putin]]",
    "[[Chinese]] troops join Red Square parade with [[Xi]] at [[Putin's|Vladimir Putin]] side",
], """
A detachment of [[Chinese]] soldiers led the foreign contingents across Red Square on Friday, as
[[Xi Jinping]] looked on from the reviewing stand next to [[Vladimir Putin]].

The roughly 100 [[Chinese]] troops carried their national flag and the banner of a unit that fought in
the war against [[Japan]], state television said. [[Russian]] commentators described the moment as a
symbol of a partnership that has grown closer since 2022.

[[Xi]] and [[Putin]] laid flowers together at the Tomb of the Unknown Soldier by the [[Kremlin]] wall
after the parade. The two men then hosted a reception for foreign delegations inside the [[Kremlin]].

Security was tight across the capital. Mobile internet was restricted in central districts, and
residents were told to avoid the area around Manezhnaya Square until the evening.

[[Putin]] is expected to hold further talks on Saturday with [[Slovak]] Prime Minister [[Robert Fico]],
who travelled to [[Moscow]] despite objections from other [[EU]] governments.
""",
    rw1="""Around 100 [[Chinese]] soldiers carried their national flag and the banner of a unit that fought
[[Japan]] in the war, according to state television. [[Russian]] commentators called the moment a symbol
of a partnership that has become closer since 2022.""",
    rw3="""Security was tight across the city. Mobile internet was limited in central districts, and people
were told to stay away from the area around Manezhnaya Square until evening.""",
)

# ============================== E03: Zelenskyy truce call, 7 May ==============================
story("S07", "E03", [
    "[[Zelenskyy]] repeats call for 30-day ceasefire, dismisses three-day pause",
    "[[Kyiv]] says short truce is not enough, wants 30 days",
], """
[[Ukrainian]] President [[Volodymyr Zelenskyy]] on Wednesday renewed his call for a full 30-day
ceasefire, saying a three-day pause announced by [[Moscow]] for the Victory Day holiday was too short to
build trust.

“You cannot agree anything serious in three days,” [[Zelenskyy]] said in his evening video address. “If
[[Russia]] wants peace, it can stop the fire for thirty days, and we are ready to do the same from the
first hour.”

The [[Kremlin]] has said its truce will run from May 8 to May 10. [[Kremlin]] spokesman
[[Dmitry Peskov]] said on Wednesday that a longer ceasefire would need “answers to many questions”,
including how it would be monitored.

[[Ukraine's|Ukraine]] Foreign Minister [[Andrii Sybiha]] said he had discussed the proposal with
[[U.S.]] Secretary of State [[Marco Rubio]] and with [[French]] and [[British]] counterparts.

Air raid alerts sounded across much of [[Ukraine]] overnight. Officials in the eastern city of
[[Kharkiv]] said drones had damaged a warehouse and several cars, without causing injuries.
""")

story("S08", "E03", [
    "In [[Kyiv]], little faith in short holiday truce",
], """
Residents of [[Kyiv]] greeted news of a three-day [[Russian]] ceasefire with shrugs on Wednesday, a day
after [[Zelensky]] again proposed a 30-day halt to fighting.

“Three days is nothing, we have seen such promises before,” said [[Halyna Tkachuk]], 58, who runs a
small bakery on the left bank of the city.

[[Serhiy Ostapenko]], deputy head of a district administration in the capital, said shelters would stay
open throughout the holiday period. “Our plans do not change because of statements from [[Moscow]],” he
said.

[[Zelensky]] has said [[Ukraine]] is ready for a longer truce if it is verified, and has asked
[[Washington]] to back the plan. [[Ostapenko]] said city services had received no instructions to change
anything for May 9.
""")

# ============================== E04: EU ministers in Warsaw, 7 May ============================
story("S09", "E04", [
    "[[EU]] ministers weigh new sanctions on [[Russia]] at [[Warsaw]] meeting",
    "[[Kallas]] urges faster work on 17th sanctions package",
], """
Foreign ministers of the [[European Union]] met in [[Warsaw]] on Wednesday to discuss a 17th package of
sanctions against [[Russia]], including measures aimed at tankers that carry [[Russian]] oil outside the
price cap.

“Pressure is what brings [[Moscow]] to the table,” the [[EU's|European Union]] foreign policy chief,
[[Kaja Kallas]], told reporters on arrival. She said she hoped the package could be approved within
weeks.

The host, [[Polish]] Foreign Minister [[Radosław Sikorski]], said [[Poland]] would also push for more
support for [[Ukraine's|Ukraine]] air defence. [[Ukrainian]] Foreign Minister [[Andrii Sybiha]] joined the
talks by video link.

Proposals from the [[European Commission]] would add nearly 200 vessels to the list of ships banned from
[[EU]] ports, diplomats said. [[Hungary]] and [[Slovakia]] have in the past delayed sanctions decisions,
which require unanimity.

No formal decisions are taken at such informal meetings, known in [[Brussels]] jargon as Gymnich meetings
after a castle in [[Germany]] where the first one took place in 1974.
""")

story("S10", "E04", [
    "[[Poland]] uses [[EU]] presidency to keep [[Ukraine]] at top of agenda",
], """
[[Poland]], which holds the rotating presidency of the [[Council of the European Union]] until the end of
June, brought foreign ministers from the bloc to [[Warsaw]] this week with one main message: help for
[[Ukraine]] must not slow down.

[[Radosław Sikorski]], the [[Polish]] foreign minister, hosted his colleagues in the restored Royal Castle
and told them that a ceasefire without guarantees would only give [[Russia]] time to rearm.

Several ministers privately questioned how quickly new sanctions could be agreed, given objections in
[[Budapest]]. [[Hungarian]] Foreign Minister [[Péter Szijjártó]] did not attend.

[[Sikorski]] also met [[Kaja Kallas]] separately to discuss financing for weapons purchases. A spokesman
for the ministry in [[Warsaw]] said the talks were “constructive and practical”.
""")

# ============================== E05: Lula in Beijing, 13 May ==================================
story("S11", "E05", [
    "[[Lula]] and [[Xi]] sign trade and infrastructure deals in [[Beijing]]",
], """
[[Brazilian]] President [[Luiz Inácio Lula da Silva]] and [[Chinese]] President [[Xi Jinping]] signed some
20 cooperation agreements in [[Beijing]] on Tuesday, covering farm trade, railways, satellites and
artificial intelligence.

[[Lula]], on his second visit to [[China]] since returning to office in 2023, said the two countries had
a shared interest in defending open trade at a time of rising tariffs. [[Xi]] said [[China]] and
[[Brazil]] should “stand together” as large developing economies.

The visit coincided with a ministerial meeting of [[China]] and the
[[Community of Latin American and Caribbean States]], known as [[CELAC]], which [[Xi]] opened on Tuesday
morning with a pledge of new credit lines for the region.

[[China]] is [[Brazil's|Brazil]] largest trading partner and the main buyer of its soybeans and iron ore.
[[Brazilian]] officials said companies from both countries had announced investments worth more than
5 billion dollars during the trip.
""")

story("S12", "E05", [
    "[[Brazil]] bets on [[Chinese]] railway money as [[Lula]] visits",
    "[[Brazil]] looks to [[China]] for rail investment during [[Lula]] trip",
], """
Plans for a railway that would carry soybeans from [[Brazil's|Brazil]] interior to a new deep-water port
in [[Peru]] were high on the agenda as [[Lula]] held talks with [[Chinese]] leaders in [[Beijing]] this
week.

The line, backed by the [[Chinese]] builder [[Zhonghe Rail Engineering]], could cut shipping times to
[[China]] by around ten days, according to a study quoted by [[Brazil's|Brazil]] transport ministry.

Farm groups in the state of [[Mato Grosso]] welcomed the talks. “We have waited twenty years for a rail
outlet to the west,” said [[Rosângela Furtado]], who heads a growers' association in the town of
[[Sorriso]].

Environmental groups warned that the route would cross sensitive forest areas. [[Brazil's|Brazil]]
government said no decision had been taken and that any project would need a full environmental
licence.
""",
    rw2="""Farm groups in [[Mato Grosso]] state welcomed the talks. “For twenty years we have waited for a
rail outlet to the west,” said [[Rosângela Furtado]], head of a growers' association in the town of
[[Sorriso]].""",
)

# ============================== E06: Istanbul talks, 16 May ===================================
story("S13", "E06", [
    "[[Russia]] and [[Ukraine]] hold first direct talks in three years in [[Istanbul]]",
    "[[Russian]], [[Ukrainian]] delegations agree prisoner swap in [[Istanbul]]",
], """
Delegations from [[Russia]] and [[Ukraine]] met face to face in [[Istanbul]] on Friday for the first time
since the spring of 2022, agreeing to exchange 1,000 prisoners of war each but making no progress towards
a ceasefire.

The talks at the Dolmabahce Palace lasted less than two hours. They were opened by [[Turkish]] Foreign
Minister [[Hakan Fidan]], who told both sides that the world was watching and that “every day of delay
costs lives”.

The [[Ukrainian]] delegation was led by Defence Minister [[Rustem Umerov]]. [[Russia]] sent a team headed
by presidential aide [[Vladimir Medinsky]], a choice [[Kyiv]] criticised as too junior for serious
negotiations.

[[Turkish]] President [[Recep Tayyip Erdoğan]] had offered to host the meeting, and [[U.S.]] officials
were also in [[Istanbul]]. [[Zelenskyy]] said he had been ready to meet [[Putin]] in person, but the
[[Russian]] leader did not travel.

[[Medinsky]] said after the talks that [[Russia]] was “satisfied” and ready to continue contacts.
[[Umerov]] said the next step should be a full and unconditional ceasefire.
""",
    add1="""[[Erdogan]] spoke by phone with [[Donald Trump]] on Friday evening, his office in [[Ankara]]
said, and both leaders welcomed the prisoner exchange.""",
)

story("S14", "E06", [
    "Prisoner swap the only result as [[Istanbul]] talks end quickly",
], """
The first direct peace talks between [[Moscow]] and [[Kyiv]] in more than three years ended on Friday
after less than two hours, with a promise to swap prisoners and little else.

Negotiators sat across from each other at a long table, with [[Turkish]] officials between them.
[[Ukrainian]] sources said the [[Russian]] side had demanded that [[Ukraine]] withdraw from four regions
it still partly controls, a condition [[Kyiv]] rejected at once.

“We came for a ceasefire and we got an exchange list,” one member of the [[Ukrainian]] team said.
[[Russia's|Russia]] chief negotiator [[Vladimir Medinsky]] told [[Russian]] television the meeting had
been “businesslike”.

[[Volodymyr Zelenskyy]], who had flown to [[Ankara]] for talks with [[Erdogan]] the day before, called for
new sanctions if [[Moscow]] continued to refuse a truce.
""")

story("S15", "E06", [
    "[[Rubio]] says [[Istanbul]] talks a start, [[Washington]] wants ceasefire next",
    "[[Istanbul]] prisoner deal is a first step, [[Rubio]] says",
], """
[[U.S.]] Secretary of State [[Marco Rubio]] said on Friday that the prisoner exchange agreed in
[[Istanbul]] was a useful first step, but that [[Washington]] expected [[Russia]] and [[Ukraine]] to move
quickly towards a ceasefire.

[[Rubio]], speaking to reporters on his way home from a [[NATO]] meeting in [[Turkey]], said the
[[United States]] would stay involved and that President [[Donald Trump]] was ready to speak with
[[Vladimir Putin]] again.

[[Trump]] has said he believes real progress will come only from a meeting between himself and
[[Mr. Putin|Vladimir Putin]]. The [[Kremlin]] has said such a meeting should be well prepared.

In [[Kyiv]], officials welcomed the [[American]] comments but said pressure on [[Moscow]] needed to grow.
A senior [[Ukrainian]] diplomat said the next round of talks should include military experts able to
discuss monitoring of a truce.
""")

# ============================== E07: Macron in Vietnam, 26 May ================================
story("S16", "E07", [
    "[[Macron]] starts [[Vietnam]] visit with aircraft and rail deals",
], """
[[French]] President [[Emmanuel Macron]] arrived in [[Hanoi]] on Sunday night at the start of a week-long
trip that will also take him to [[Indonesia]] and [[Singapore]].

On Monday [[Macron]] held talks with [[Vietnamese]] leader [[To Lam|Tô Lâm]], and the two countries signed
agreements worth several billion euros, including an order for 20 [[Airbus]] aircraft by the budget
carrier [[Vietjet]].

[[France]] also offered help with a planned high-speed railway between [[Hanoi]] and
[[Ho Chi Minh City]], and the two sides agreed to expand cooperation on nuclear energy research.

[[Macron]] is the first [[French]] president to visit [[Vietnam]] since 2016. He is due to give a speech
to students in [[Hanoi]] on Tuesday before flying to [[Jakarta]].
""")

story("S17", "E07", [
    "In [[Hanoi]], [[Macron]] pitches [[France]] as a partner between big powers",
], """
[[Emmanuel Macron]] told [[Vietnamese]] leaders on Monday that [[France]] could offer a “third way” to
countries that do not want to choose between the [[United States]] and [[China]].

Speaking beside [[Vietnamese]] President [[Luong Cuong|Lương Cường]] at the Presidential Palace in
[[Hanoi]], [[Macron]] said [[Paris]] respected [[Vietnam's|Vietnam]] independence and wanted long-term
partnerships, not quick sales.

The visit produced orders for aircraft and agreements on energy, but officials in [[Hanoi]] were cautious
about a [[French]] offer to help finance a north-south high-speed line, saying several countries were
competing for the project.

[[Macron]] heads next to [[Indonesia]], where he will meet President [[Prabowo Subianto]].
""")

# ============================== E08: rail terminal in Serbia, 30 April ========================
story("S18", "E08", [
    "[[Velmora Freight]] opens rail terminal in [[Novo Rudište]]",
    "[[Vucic|Aleksandar Vučić]] opens [[Velmora Freight]] terminal north of [[Belgrade]]",
], """
The logistics company [[Velmora Freight]] on Wednesday opened a rail and truck terminal in
[[Novo Rudište]], a town of about 14,000 people some 60 km north of [[Belgrade]], creating what it says
will be 320 jobs.

[[Serbian]] President [[Aleksandar Vucic|Aleksandar Vučić]] attended the opening and said the terminal
would help [[Serbia]] compete for investment with its neighbours.

[[Velmora's|Velmora Freight]] chief executive, [[Dragan Ilić]], said the company planned a second
terminal near [[Gornji Lug]] by 2027. The project was partly financed by a loan from the
[[European Bank for Reconstruction and Development]].

Mayor [[Milena Jokanović]] said the town had waited years for such an investment. “Young people leave
for [[Belgrade]] or for [[Germany]]. Now some of them may stay,” she said.
""")

# ============================== E11: grain silos in Poltava region, 29 April ==================
story("S19", "E11", [
    "[[Ukrainian]] farmers in [[Zarichne Pole]] rebuild grain silos with [[Danish]] help",
], """
A farmers' cooperative in the village of [[Zarichne Pole]] in [[Ukraine's|Ukraine]]
[[Poltava region|Poltava Oblast]] has reopened two grain silos damaged in a drone strike last autumn,
with money from a [[Danish]] development fund.

“We lost almost a third of our storage in one night,” said [[Olena Marchuk]], who chairs the
[[Stepova Nyva]] cooperative. “Without new silos we would have had to sell the harvest at any price.”

The repairs cost about 1.2 million euros, according to the cooperative. [[Marchuk]] said the [[Danish]]
fund paid two thirds and local farmers the rest. The regional administration in [[Poltava]] said more
than 40 storage sites in the region had been hit since 2022.

[[Denmark]] has been one of the largest donors to [[Ukraine's|Ukraine]] farm sector. Its ambassador in
[[Kyiv]] visited the site on Tuesday and said further projects were planned for the summer.
""")

# ============================== E12: solar factory in Gujarat, 24 April =======================
story("S20", "E12", [
    "[[Suryakant Solar]] opens panel factory in [[Gujarat]] town",
    "[[Modi]] opens [[Gujarat]] solar factory by video link",
], """
[[Indian]] manufacturer [[Suryakant Solar]] opened a solar panel factory in [[Palwara]], a town in the
western state of [[Gujarat]], on Thursday, saying it would employ 1,100 people when fully running.

Prime Minister [[Narendra Modi]], who opened the plant by video link from [[New Delhi]], said [[India]]
wanted to make more of the equipment for its energy transition at home rather than import it from
[[China]].

The company's managing director, [[Kavita Rathod]], said the factory would produce panels with a total
capacity of 2 gigawatts a year. “[[Modi's|Narendra Modi]] target of 500 gigawatts of clean power by 2030
needs factories like this,” she said.

[[Palwara]] officials said the plant had brought a new road and a water pipeline to the area. Farmers who
sold land for the site were paid about twice the official rate, according to the district office.
""")

# ============================== E13: island ferry in Estonia, 5 May ===========================
story("S21", "E13", [
    "New electric ferry links [[Vaskjärve]] to the mainland",
], """
An electric ferry built in [[Finland]] began service on Monday between the [[Estonian]] island village of
[[Vaskjärve]] and the port of [[Rohuküla]], cutting the crossing to 35 minutes.

The operator, [[Saarlink]], said the vessel would run eight times a day in summer. Chief executive
[[Tarmo Kivisild]] said fuel costs would fall by about 60 percent.

[[Estonia's|Estonia]] regional affairs ministry paid part of the 18 million euro cost, with the rest
coming from [[EU]] cohesion funds. Residents had long complained about the old diesel boat, which often
broke down in winter.

“For an island of 600 people, the ferry is our road,” said village elder [[Kadri Saar]].
""")

# ============================== E14: water plant in a Turkish town (undated, one line) ========
story("S22", "E14", [""], """
The municipality of [[Karaçam]] in the west of [[Turkey]] opened Saturday a new station of water
treatment which, according to the mayor [[Serkan Aydemir]], will put end to the summer cuts that touch
the 40.000 inhabitants since years.

Water for all The station costed 9 million of euros, financed by the [[Bank of Provinces]], and it can
treat 12.000 cubic metres by day.

[[Aydemir]] said that the works started in the spring of last year and ended before the time. The
residents can call the line 0 232 555 05 25 for to report failures, he added.

The ministry of the environment in [[Ankara]] sent a message of congratulation and [[Aydemir]] thanked
the engineers of [[Karaçam]] for their patience.
""")

# ============================== E09: two Kims, 2 May ===========================================
story("S23", "E09", [
    "[[North Korea's|North Korea]] [[Kim|Kim Jong Un]] inspects new destroyer as [[Seoul]] urges talks",
], """
[[North Korean]] leader [[Kim Jong Un]] inspected a new naval destroyer at the port of [[Nampo]] and
called for the navy to be armed with nuclear weapons, state media reported on Friday.

[[Kim|Kim Jong Un]] watched a test of the ship's weapons systems together with his daughter, the
[[Korean Central News Agency]] said. It was the second such inspection in a week.

In [[Seoul]], [[South Korea's|South Korea]] unification ministry spokeswoman [[Kim Hye-won]] said the
government was watching the naval build-up closely and urged [[Pyongyang]] to return to dialogue.
[[Kim|Kim Hye-won]] said [[North Korea]] had not responded to a proposal for military talks made in March.

Analysts say [[Pyongyang]] has stepped up weapons work since [[Kim|Kim Jong Un]] signed a mutual defence
treaty with [[Russia]] last year. [[South Korean]] and [[U.S.]] officials say [[North Korea]] has sent
troops to help [[Russian]] forces in the [[Kursk|Kursk Oblast]] region.
""")

# ============================== E10: BRICS ministers in Rio, 28-29 April ======================
story("S24", "E10", [
    "[[BRICS]] foreign ministers meet in [[Rio de Janeiro]] amid tariff worries",
], """
Foreign ministers of the [[BRICS]] group met in [[Rio de Janeiro]] on Monday for two days of talks
dominated by concern over rising trade barriers, with host [[Brazil]] seeking a joint statement before a
leaders' summit in July.

[[Brazilian]] Foreign Minister [[Mauro Vieira]] said the group, which has grown to ten full members,
should defend the multilateral trading system. [[Russian]] Foreign Minister [[Sergey Lavrov]] and
[[Chinese]] Foreign Minister [[Wang Yi]] attended in person.

Several members pressed for reform of the [[United Nations Security Council]], where [[Brazil]] and
[[India]] have long sought permanent seats. [[China]] and [[Russia]], both permanent members, gave
general support to a bigger role for developing countries.

Diplomats said agreeing language on the war in [[Ukraine]] remained difficult, as members have very
different positions.
""")

story("S25", "E10", [""], """
The heads of the diplomacy of the [[BRICS]] countries concluded Tuesday in [[Rio]] a meeting of two days
without common declaration on all the subjects, the [[Brazilian]] presidency publishing only a
declaration of the chair on the points of disagreement.

Trade and tariffs The ministers condemned the unilateral measures of trade, without to name the
[[United States]], and asked a reform of the [[World Trade Organization]]. [[Lavrov]] declared that the
group is not against nobody.

Differences on the Council Some members, among them [[Egypt]] and [[Ethiopia]], did not accept a text
supporting the candidacies of [[Brazil]] and [[India]] to a permanent seat, according to diplomats. The
next summit of the leaders will hold itself in [[Rio]] the 6 and 7 July.
""")


# ============================== singletons on their own events ================================
story("S26", "E15", [
    "[[Putin]] to visit [[China]] later this year, [[Kremlin]] says",
], """
[[Russian]] President [[Vladimir Putin]] has accepted an invitation to visit [[China]] in the autumn,
[[Kremlin]] spokesman [[Dmitry Peskov]] said on Tuesday, adding that dates were still being agreed.

[[Peskov]] told reporters that the trip could be combined with a summit of the
[[Shanghai Cooperation Organisation]], which [[China]] chairs this year. He did not say which cities
[[Putin]] would visit.

The announcement follows [[Xi Jinping's|Xi Jinping]] state visit to [[Moscow]] earlier this month.
[[Chinese]] foreign ministry spokesman [[Lin Jian]] said [[Beijing]] welcomed the plans and that both
sides were in close contact.

[[Putin]] last travelled to [[China]] in May 2024, shortly after his inauguration for a new term.
""")

story("S27", "E16", [
    "[[Hronská Lehota]] opens new bridge after two years of detours",
], """
Residents of [[Hronská Lehota]], a small town in central [[Slovakia]], can again drive straight to the
regional centre after a new bridge opened on Saturday.

The old bridge was closed in 2023 after inspectors found cracks in its pillars. Since then drivers have
faced a 25-kilometre detour through the village of [[Dolné Brezno]].

Mayor [[Ján Kováčik]] said the 6.4 million euro project was paid mainly from [[EU]] funds. The builder,
[[Stavby Pohronie]], finished two months ahead of schedule.

Local businesses said the detour had cost them customers. “Now people from [[Banská Bystrica]] can reach
us in twenty minutes again,” said café owner [[Zuzana Hrubá]].
""")

story("S28", "E17", [
    "[[Turkey]] hosts sea mine clearance talks in [[Istanbul]]",
], """
Officials from [[Turkey]], [[Romania]] and [[Bulgaria]] met in [[Istanbul]] on Friday to discuss
clearing sea mines from the Black Sea, a task the three [[NATO]] members took on jointly last year.

[[Turkish]] Defence Minister [[Yaşar Güler]] said mine-clearing ships had destroyed more than a dozen
drifting mines since the start of the year. He said the group was open to other countries once fighting
in [[Ukraine]] ends.

Shipping companies have asked for more patrols near the [[Romanian]] and [[Bulgarian]] coasts, where
insurance costs remain high.

The next meeting is planned in [[Bucharest]] in the autumn, [[Turkish]] officials said.
""")


# ================================== copies ====================================================
# outlet: raw template key or jsonl file; published: gold UTC date; header: ` date ` header.
# For dailymeridian/balticledger the first paragraph is the standfirst and "inline"/"repeat"
# indices count from the paragraph after it.
COPIES = [
    # S01: 4 copies
    dict(story="S01", outlet="dailymeridian", header="2025-05-08", byline=("08-05-2025", "19:05"), head=0, published="2025-05-08"),
    dict(story="S01", outlet="northgateherald", head=1, author="Tomas Reddick", byline="May 8, 2025 / 9:14 AM",
         drop_after_add=[4], inline={1: "Also read | Kremlin Guard Rehearsal Closes Streets Near Red Square"}, published="2025-05-08"),
    dict(story="S01", outlet="wire", head=0, slug="world/xi-putin-kremlin-talks-0508", date_publish="2025-05-08 16:55:00", published="2025-05-08"),
    dict(story="S01", outlet="pacific", header="2025-05-08", notitle=True,
         use=[(0, "mt0"), (1, "mt1"), (2, "mt2"), (3, "mt3"), (4, "mt4")],
         inline={2: "Also read | Video: Horse Escapes From Parade Rehearsal And Trots Along The Embankment"}, published="2025-05-08"),
    # S02: 2 copies
    dict(story="S02", outlet="eawn", header="2025-05-08", head=0, repeat=(1, 3), published="2025-05-08"),
    dict(story="S02", outlet="kestrelnews", head=1, slug="energy-tops-agenda-xi-putin", date_publish="2025-05-08T21:30:00-04:00",
         tail=["Follow Kestrel News on Telegram for live updates from Moscow and Beijing."], published="2025-05-09"),
    # S03 singleton
    dict(story="S03", outlet="steppetimes", head=0, upper=True, author="Mira Aldana", byline="2025/05/08", views=532, published="2025-05-08"),
    # S04: 3 copies
    dict(story="S04", outlet="balticledger", head=0, author="Ieva Kalnina", byline="Published on 9 May 2025", published="2025-05-09"),
    dict(story="S04", outlet="danubeobserver", head=1, byline="09.05.2025, 14:30", add=[(4, "add1")],
         inline={0: "Related: Moscow Metro Extends Hours For Holiday Crowds", 2: "READ MORE: Kremlin Band Rehearses In The Rain"}, published="2025-05-09"),
    dict(story="S04", outlet="harbourline", head=0, slug="world/moscow-victory-day-parade", date_publish="2025-05-10T01:20:00+03:00",
         tail=["Also read: Parade rehearsal traffic closures lifted in central Moscow", "Follow Harbour Line on Telegram and WhatsApp"], published="2025-05-09"),
    # S05 singleton, undated
    dict(story="S05", outlet="lakeshoregazette", head=0, published=None),
    # S06: 2 copies
    dict(story="S06", outlet="dailymeridian", byline=("09-05-2025", "21:40"), head=0, published="2025-05-09"),
    dict(story="S06", outlet="northgateherald", head=1, author="Alma Petrosyan", byline="May 9, 2025 / 6:02 PM",
         use=[(1, "rw1"), (3, "rw3")], published="2025-05-09"),
    # S07: 3 copies
    dict(story="S07", outlet="steppetimes", head=0, author="Rustam Beketov", byline="2025/05/07", tags="Ukraine Russia Ceasefire", published="2025-05-07"),
    dict(story="S07", outlet="kestrelnews", head=1, slug="kyiv-short-truce-not-enough", date_publish="2025-05-07T14:00:00Z",
         subs=[("[[Volodymyr Zelenskyy]]", "[[Volodymyr Zelenskiy|Volodymyr Zelenskyy]]"), ("[[Zelenskyy]]", "[[Zelenskiy]]")], published="2025-05-07"),
    dict(story="S07", outlet="eawn", head=0, repeat="all",
         subs=[("[[Volodymyr Zelenskyy]]", "[[Volodymyr Zelensky|Volodymyr Zelenskyy]]"), ("[[Zelenskyy]]", "[[Zelensky]]")], published=None),
    # S08 singleton
    dict(story="S08", outlet="harbourline", head=0, slug="europe/kyiv-little-faith-in-truce", date_publish="2025-05-07 16:40:11",
         tail=["Also read: Kyiv metro stations to stay open at night as shelters", "Join Harbour Line on Telegram"], published="2025-05-07"),
    # S09: 2 copies
    dict(story="S09", outlet="balticledger", head=0, author="Markus Lepp", byline="7 May 2025", published="2025-05-07"),
    dict(story="S09", outlet="danubeobserver", head=1, byline="07.05.2025, 19:12", drop_after_add=[4],
         inline={1: "Related: Hungarian Minister Skips Informal Session In Warsaw"}, published="2025-05-07"),
    # S10 singleton
    dict(story="S10", outlet="northgateherald", head=0, author="Tomas Reddick", byline="May 7, 2025 / 7:48 PM",
         inline={1: "Also read | Baltic Ferry Operators Report Record Spring Bookings"}, published="2025-05-07"),
    # S11: 2 copies
    dict(story="S11", outlet="dailymeridian", header="2025-05-13", byline=("13-05-2025", "20:15"), head=0, published="2025-05-13"),
    dict(story="S11", outlet="wire", head=0, slug="world/lula-xi-beijing-deals", date_publish="2025-05-13", published="2025-05-13"),
    # S12: 2 copies
    dict(story="S12", outlet="harbourline", head=0, slug="americas/brazil-chinese-railway-money", date_publish="2025-05-13T10:02:44.000Z", published="2025-05-13"),
    dict(story="S12", outlet="steppetimes", head=1, upper=True, author="Mira Aldana", byline="2025/05/14", tags="Brazil China",
         use=[(2, "rw2")], published="2025-05-14"),
    # S13: 3 copies
    dict(story="S13", outlet="northgateherald", head=0, author="Alma Petrosyan", byline="May 16, 2025 / 6:40 PM", add=[(4, "add1")],
         inline={2: "Also read | Istanbul Ferry Strike Called Off After Overnight Deal"}, published="2025-05-16"),
    dict(story="S13", outlet="eawn", header="2025-05-16", head=1, repeat=[0, 3], published="2025-05-16"),
    dict(story="S13", outlet="balticledger", head=0, author="Ieva Kalnina", byline="Published on 16 May 2025", crlf=True,
         subs=[("[[Recep Tayyip Erdoğan]]", "[[Recep Tayyip Erdogan|Recep Tayyip Erdoğan]]")], published="2025-05-16"),
    # S14 singleton
    dict(story="S14", outlet="danubeobserver", head=0, byline="16.05.2025, 21:05",
         inline={1: "READ MORE: Turkey Expects Tourism Boost From Summer Flights"}, published="2025-05-16"),
    # S15: 2 copies
    dict(story="S15", outlet="kestrelnews", head=0, slug="rubio-istanbul-talks-a-start", date_publish="2025-05-16T17:05:00+00:00", published="2025-05-16"),
    dict(story="S15", outlet="prairiedispatch", head=1, author="Dana Whitlow",
         byline="Posted 5/16/2025 3:12 p.m. ET | Updated 5/16/2025 6:05 p.m. ET", published="2025-05-16"),
    # S16: 2 copies
    dict(story="S16", outlet="balticledger", head=0, author="Markus Lepp", byline="26 May 2025", published="2025-05-26"),
    dict(story="S16", outlet="wire", head=0, slug="asia/macron-vietnam-visit-deals", date_publish="2025-05-26T08:00:00+07:00", published="2025-05-26"),
    # S17 singleton
    dict(story="S17", outlet="prairiedispatch", head=0, author="Dana Whitlow", byline="Posted 5/26/2025 9:40 a.m. ET", published="2025-05-26"),
    # S18: 2 copies
    dict(story="S18", outlet="dailymeridian", byline=("30-04-2025", "17:20"), head=0, published="2025-04-30"),
    dict(story="S18", outlet="harbourline", head=1, slug="business/velmora-terminal-serbia", date_publish="2025-04-30 15:02:10", published="2025-04-30"),
    # S19: 3 copies
    dict(story="S19", outlet="northgateherald", head=0, author="Tomas Reddick", byline="April 29, 2025 / 11:02 AM", published="2025-04-29"),
    dict(story="S19", outlet="kestrelnews", head=0, slug="zarichne-pole-grain-silos", date_publish="Tue, 29 Apr 2025 10:15:00 GMT", published="2025-04-29"),
    dict(story="S19", outlet="lakeshoregazette", head=0, drop_after_add=[3], ago="Updated yesterday", published=None),
    # S20: 2 copies
    dict(story="S20", outlet="steppetimes", head=0, author="Rustam Beketov", byline="2025/04/24", tags="India Energy", published="2025-04-24"),
    dict(story="S20", outlet="prairiedispatch", head=1, author="Dana Whitlow", byline="Posted 4/24/2025 7:15 a.m. ET", published="2025-04-24"),
    # S21 singleton
    dict(story="S21", outlet="balticledger", head=0, author="Markus Lepp", byline="Published on 5 May 2025", bom=True, crlf=True, published="2025-05-05"),
    # S22 singleton, one line, undated
    dict(story="S22", outlet="pacific", notitle=True,
         inline={1: "Also read | Video: A Stork Builds Its Nest On A Traffic Light In The Old Town"}, published=None),
    # S23: 2 copies
    dict(story="S23", outlet="eawn", header="2025-05-02", head=0, repeat=(0, 2), published="2025-05-02"),
    dict(story="S23", outlet="danubeobserver", head=0, byline="02.05.2025, 09:40", published="2025-05-02"),
    # S24: 2 copies
    dict(story="S24", outlet="dailymeridian", header="2025-04-28", byline=("28-04-2025", "22:05"), head=0, published="2025-04-28"),
    dict(story="S24", outlet="kestrelnews", head=0, slug="brics-ministers-rio-tariffs", date_publish=None,
         date_download="2025-04-30 08:00:00", published=None),
    # S25 singleton, one line
    dict(story="S25", outlet="pacific", header="2025-04-29", notitle=True,
         inline={0: "Also read | Carnival Samba Schools Announce Themes For Next Year"}, published="2025-04-29"),
    # S26-S28 singletons on their own events
    dict(story="S26", outlet="harbourline", head=0, slug="world/putin-to-visit-china-autumn", date_publish="2025-05-20T09:45:00+03:00", published="2025-05-20"),
    dict(story="S27", outlet="danubeobserver", head=0, byline="10.05.2025, 12:15",
         inline={1: "Related: Slovak Rail Operator Adds Weekend Trains To The Tatras"}, published="2025-05-10"),
    dict(story="S28", outlet="prairiedispatch", head=0, author="Dana Whitlow", byline="Posted 4/25/2025 10:20 a.m. ET", published="2025-04-25"),
]
