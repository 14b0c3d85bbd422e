"""Cue words: general English vocabulary that signals an entity type (not tuned to any corpus)."""

from __future__ import annotations

from reader.months import EXTRA_ABBREVIATIONS, MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

# Words that start sentences or glue clauses; never the first word of a name.
STOPWORDS = frozenset("""
a about above according across after afterwards again against all almost along already also although always
among an and another any anyway are around as at be because been before being below beneath beside besides
between beyond both but by can could despite did do does doing down during each either else even ever every
for from further had has have having he her here hers herself him himself his how however i if in inside
instead into is it its itself just last later lest like many may meanwhile might mine more moreover most
much must my myself near neither never nevertheless next no nor not now of off often on once one only onto
or other others otherwise our ours out over own perhaps rather same several shall she should since so some
still such than that the their theirs them themselves then there therefore these they this those though
through throughout thus till to together too toward towards under unless unlike until up upon us very via
was we were what whatever when whenever where whereas wherever whether which while who whom whose why will
with within without would yet you your yours yourself
two three four five six seven eight nine ten eleven twelve dozens hundreds thousands millions
interestingly unfortunately meanwhile nonetheless indeed instead overall finally first second third
here's there's it's that's what's who's let's i'm i've we're they're don't doesn't didn't can't won't
""".split())

#: Capitalised words that introduce a person's name and are not part of it.
PERSON_TITLES = frozenset("""
Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Sen Senator Rep Representative Gov Governor
President Vice Prime Minister Secretary Chancellor King Queen Prince Princess Crown Sheikh Shaikh Sheik
Ayatollah Grand Imam Pope Rev Reverend Father Chief General Gen Col Colonel Capt Captain Lt Lieutenant Sgt
Sergeant Maj Major Judge Justice Mayor Ambassador Commissioner Director Chairman Chairwoman Chair CEO
Spokesman Spokeswoman Spokesperson Leader Supreme Emir Emira Sultan Hojatoleslam Mullah Rabbi Bishop
Archbishop Cardinal Premier Deputy Former Senior Commander Detective Inspector Superintendent Constable
Dean Coach Speaker Attorney Marshal Admiral Brig Brigadier Field Sen. Gen. Col. Capt. Lt. Sgt. Maj. Rev.
Dr. Mr. Mrs. Ms. Prof. Gov. Rep. Chairperson Treasurer Adviser Advisor PM Councillor Councilor Councilman Councilwoman
Congressman Congresswoman Assemblyman Assemblywoman Magistrate Prosecutor Sheriff
""".split())

#: Lower-case words right before a name that say it is a person's.
PERSON_BEFORE = frozenset("""
spokesman spokeswoman spokesperson minister president leader leaders activist activists journalist
journalists reporter photographer lawyer attorney analyst analysts professor director chief chairman
chairwoman official officials commander general senator ambassador envoy actor actress singer author
writer economist researcher candidate premier rapper coach player striker counterpart sister brother son
daughter wife husband mother father widow colleague named dissident dissidents lawmaker mp mps founder
ceo boss chancellor governor mayor judge cleric scholar historian expert adviser advisor aide secretary
deputy manager executive editor columnist correspondent novelist poet artist composer director-general
president-elect prime-minister year-old defender midfielder goalkeeper captain opponent
environmentalist campaigner scientist doctor nurse farmer villager resident fisherman elder pastor priest
teacher student lecturer engineer businessman businesswoman entrepreneur investor banker diplomat
""".split())

#: Verbs right after a name that say it is a person's (weak: organisations say things too).
PERSON_VERBS = frozenset("said says told tweeted wrote added argued explained noted insisted recalled "
                         "replied asked warned stressed admitted".split())

#: Head words of organisation names.
ORG_HEADS = frozenset("""
Ministry Department Agency Council Organization Organisation Party Police Court Courts News International
Union Commission Committee Assembly Parliament Congress Senate Institute Institution University College
School Academy Foundation Association Federation Corporation Corp Inc Ltd LLC PLC Plc Company Co Group
Bank Fund Office Bureau Service Services Army Navy Force Forces Guard Guards Corps Front Movement Alliance
Coalition League Society Club Network Times Post Journal Herald Tribune Gazette Press Radio TV Television
Broadcasting Images Airlines Airways Authority Board Tribunal Administration Cabinet Government Embassy
Consulate Centre Center Watch Monitor Observatory Brigade Brigades Battalion Directorate Secretariat
Programme Program Trust Holdings Partners Media Church Museum Hospital Commissariat Intelligence Staff
Party’s Mission Organisations Organizations Nations Reuters Telegraph Guardian Daily Weekly Review Magazine
Channel Studios Records Motors Systems Technologies Technology Labs Laboratories Industries Energy Exchange
Council’s Command Ministry’s Department’s Unit Squad Team Institute’s Union’s Foundation’s Inc. Ltd. Co.
Corp. AG SA SE NV BV GmbH KG AB ASA Oyj plc PLC S.A. N.V. B.V. S.p.A. SpA Pty Bhd Tbk LLP LP Limited
Incorporated Securities Therapeutics Pharmaceuticals Pharma Biotech Biosciences Minerals Mining Resources
Capital Investments Bancorp Financial Insurance Assurance Airline Petroleum Oil Gas Steel Chemicals Foods
Brewery Breweries Logistics Shipping Telecom Telecoms Communications Semiconductor Semiconductors
Electronics Ventures Advisors Advisers Associates Consulting Cartel Gang Militia Mafia Syndicate Greens
Society Cross Crescent Wildfire Rescue Commissioner’s Ombudsman Prosecutor’s House Societies
""".split())

#: Company legal forms: a name ending in one of these is an organisation whatever its first word says
#: ("Morgan Stanley Capital", "Halvora Therapeutics AG"); the name without it is the same company.
LEGAL_SUFFIXES = frozenset("AG SA SE NV BV GmbH KG AB ASA Oyj plc PLC Plc Inc Inc. Corp Corp. Co Co. Ltd Ltd. "
                           "LLC LLP LP Limited Incorporated Pty Bhd Tbk SpA S.p.A. S.A. N.V. B.V.".split())

#: Two-word place heads ending in a word that is otherwise an organisation head ("Expo Centre").
VENUE_WORDS = frozenset("Expo Exhibition Convention Conference Congress Shopping Trade Civic Community "
                        "Sports Aquatic Aquatics Arts Cultural Events Financial".split())

#: Head words of place names (last word), and first words ("Camp Ashraf", "Mount Everest").
PLACE_TAILS = frozenset("""
City Province County District Region Island Islands Valley River Mountains Mountain Sea Ocean Lake Bay Gulf
Strait Straits Desert Peninsula Coast Square Street Avenue Road Airport Port Harbour Harbor Canal Plateau
Heights Hills Highlands Delta Basin Territory Territories Prefecture Governorate Oblast Municipality Village
Town Park Bridge Station Camp Quarter Border Crossing Plain Plains Forest Falls Beach Cape Palace Castle
Boulevard Platz Strasse Straße Plaza Cathedral Stadium Arena Dam Reservoir Barrage Base Airbase Airfield
Airstrip Terminal Pier Wharf Dock Docks Mall Market Bazaar Tower Towers Gate Hall Mosque Temple Shrine Monastery
Gardens Zoo Mine Oilfield Refinery Glacier Volcano Reef Lagoon Marsh Wetlands Prairie Prairies Steppe Outback
Gorge Canyon Pass Fjord Estuary Creek Land Lands Ranges Range Peak Stadion Estadio Place
""".split())
PLACE_HEADS = frozenset("Camp Mount Mt Lake Fort Port Cape Gulf Isle Isla Lake Sierra Rio Bay Saint St "
                        # streets, squares and palaces in the languages news often quotes them in
                        "Avenida Avenue Rua Calle Plaza Praça Praca Piazza Place Platz Via Boulevard "
                        "Palácio Palacio Palazzo Palais Palace Castle Castillo Schloss Mount Monte Rue Plaça Largo Parque Parc "
                        "Puerto Porto Puente Pont Lago Lac Cerro Volcán Isola Île Ile".split())

#: Lower-case words right after a name that say it is a place.
PLACE_AFTER = frozenset("camp city town village province region district county capital suburb suburbs "
                        "neighbourhood neighborhood compound border airport island islands hills mountains river "
                        "valley plateau delta coast coastline desert lake basin plains forest hinterland highlands "
                        "lowlands estuary peninsula archipelago state's municipality township".split())
#: Lower-case words right before a name that say it is a place ("town of X", "capital X").
PLACE_BEFORE = frozenset("town city village province capital suburb region district county".split())
#: Prepositions that weakly suggest a place for an otherwise unknown single word ("ambassador to X").
PLACE_PREPS = frozenset("in to near across throughout".split())

#: "X administration" / "X government": X is a person (or a place for 'government').
PERSON_AFTER = frozenset("administration presidency campaign's campaign era".split())

COMPASS = frozenset("North South East West Middle Far Near Central Northern Southern Eastern Western "
                    "Northeast Northwest Southeast Southwest Mid Upper Lower Greater".split())
COMPASS_TAILS = frozenset("East West North South".split())

#: Small words allowed inside a name between capitalised words.
CONNECTORS = ("of", "for", "on", "ten", "ter", "do", "es", "de", "del", "der", "den", "van", "von", "bin", "ibn", "al", "el", "da",
              "di", "du", "dos", "das", "la", "le", "y", "of the", "for the", "on the", "de la", "de las", "de los",
              "van der", "van de", "van den", "von der", "van het", "de los", "bin al", "ibn al",
              "des", "della", "delle", "dei", "degli", "do", "et")

MONTH_WORDS = frozenset([*MONTH_NAMES, *MONTH_ABBREVIATIONS, *(a.title() for a in EXTRA_ABBREVIATIONS), *WEEKDAY_NAMES])

DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ic", "ics", "ist", "ists", "ism")

#: Titles that are also ordinary words in names of things ("General Motors", "Grand Canyon"): a single
#: common word after them is not taken for a person's name.
WEAK_TITLES = frozenset("General Gen Chief Director Leader Supreme Grand Former Senior Deputy Field Crown Vice "
                        "Prime Major Justice Father Speaker Chair Commander Marshal Admiral Dean Coach".split())

#: Lower-case words right after a name that say it is an organisation's ("the Morena party").
ORG_AFTER = frozenset("party movement militia coalition alliance federation newspaper daily agency "
                      "broadcaster network union".split())

#: Institutions named by one word ("in Congress", "the Senate").
INSTITUTIONS = frozenset("Congress Parliament Senate Assembly Cabinet Knesset Duma Bundestag Majlis Pentagon "
                         "Kremlin Vatican Greens Commons Lords".split())
#: First words that make a media organisation ("TV Globo", "Radio Free Europe").
ORG_FIRST = frozenset("""TV Radio Channel Radio-Canada
Ministère Ministerio Ministério Ministero Ministerium Fiscalía Procuraduría Defensoría Contraloría Registraduría
Superintendencia Secretaría Parti Partido Partito Partei Rassemblement Mouvement Movimiento Movimento Frente Fronte
Unión União Unione Tribunal Tribunale Cour Corte Conseil Consejo Conselho Consiglio Banco Banque Banca Caja Caixa
Agence Agencia Agência Agenzia Comisión Comissão Commissione Comité Comitato Asamblea Assemblée Assemblea Sénat
Senado Congreso Cámara Câmara Camera Policía Polícia Polizia Gendarmerie Guardia Ejército Exército Esercito Armée
Fuerzas Forças Alianza Aliança Coalición Confederación Confédération Federación Fédération Federazione Sindicato
Syndicat Sindacato Fundación Fondation Fundação Fondazione Stiftung Asociación Associação Associazione Sociedad
Société Società Gobierno Gouvernement Governo Presidencia Ayuntamiento Mairie Comune Prefeitura Generalitat
Instituto Institut Istituto Universidad Université Universität Universidade Università Bundesamt Bundesministerium
Bundesverfassungsgericht Staatsanwaltschaft""".split())

#: Articles that open foreign names of parties, papers and clubs ("Les Verts", "La Liga", "Die Linke").
FOREIGN_ARTICLES = frozenset("Les La Le Los Las El Il Lo Gli Die Der Das Os As".split())

#: Acronyms that name things, not organisations ("AI", "GDP"): never an entity unless linked to an
#: expansion in the same article.
NON_ENTITY_ACRONYMS = frozenset("""AI AGI GDP GNP CPI PPI PMI CEO CFO COO CTO CIO CMO MD VP EVP SVP IPO M&A R&D ESG ETF
ETFs VAT GST ID IDs IQ PhD MBA MP MPs MEP MEPs NGO NGOs CCTV SUV SUVs EV EVs LNG LPG CO2 UAV UAVs API APIs GPS
DNA RNA HIV AIDS COVID SARS PPE ICU IVF PDF SMS ATM ATMs IT TV PC PCs USB LED LEDs OK AM PM FM AC DC HQ PR HR
IP IoT VPN URL HTML CHIPS GPU GPUs CPU CPUs RAM SSD OS AR VR XR KPI YoY QoQ FY Q1 Q2 Q3 Q4 H1 H2 EPS EBIT
EBITDA P/E NPL NPLs SME SMEs B2B B2C GMO GMOs PFAS LGBT LGBTQ CV RSVP ASAP FAQ DIY ETA UFO UFOs VIP VIPs
""".split())

#: Lower-case words right before a single unknown name that say it is an organisation's ("rival Xyz",
#: "news agency Xyz", "analysts at Xyz", "shares of Xyz").
ORG_BEFORE_RE = (r"(?:\brival|\bcompetitor|\bagency|\bbroadcaster|\bnewspaper|\bdaily|\bcompany|\bfirm|"
                 r"\blender|\bcarrier|\bairline|\bbank|\binsurer|\bdrugmaker|\bautomaker|\bcarmaker|\bchipmaker|"
                 r"\bretailer|\bgroups? (?:such as|including|like)|\b(?:companies|firms|organi[sz]ations|charities|"
                 r"agencies|banks|lenders|carriers|airlines|rivals|outlets|broadcasters) (?:such as|including|like)|"
                 r"\banalysts? (?:at|from)|\bshares (?:of|in)|\bstake in|\bstock of|\bsubsidiary of|"
                 r"\bunit of|\bowned by|\bacquired by|\bacquisition of|\bmerger with|\bdeal with|\b(?:survey|poll|study|"
                 r"report|forecast|data)s? (?:by|from)|according to|\b(?:engineer|executive|analyst|economist|strategist|researcher|scientist|"
                 r"manager|employee|worker|staffer|lawyer|partner|consultant|director|official)s? (?:at|with))\s+(?:the\s+)?$")
#: Organisation nouns right before a name: the name is the organisation's even if it starts like a person's
#: ("the law firm Leigh Day", "the broadcaster Sky News").
ORG_NOUN_BEFORE_RE = (r"\b(?:firm|company|agency|broadcaster|newspaper|magazine|tabloid|weekly|website|lender|carrier|airline|insurer|drugmaker|"
                      r"automaker|carmaker|chipmaker|retailer|conglomerate|startup|start-up|charity|watchdog|"
                      r"regulator|outlet|publisher|pollster|consultancy|label|club|brewer|miner|operator)\s+$")
#: What follows a single unknown name and says it is an organisation's ("Xyz said in a statement").
ORG_AFTER_RE = (r"^(?:['’]s?)?\s+(?:said in a statement|said in a filing|said in a press release|reported\b|"
                r"shares\b|stock\b|announced (?:on|that|a|its)\b|has (?:acquired|bought)|is (?:listed|headquartered|"
                r"based) in|spokes(?:man|woman|person)\b|executives?\b|employees\b|workers\b|staff\b|"
                r"said its\b|poll\b|polls\b|survey\b|data showed\b)")
