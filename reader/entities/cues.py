"""Cue words: general English vocabulary that signals an entity type (not tuned to any corpus)."""

from __future__ import annotations

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
Dr. Mr. Mrs. Ms. Prof. Gov. Rep. St
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
president-elect prime-minister year-old defender midfielder goalkeeper captain opponent rival
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
""".split())

#: Head words of place names (last word), and first words ("Camp Ashraf", "Mount Everest").
PLACE_TAILS = frozenset("""
City Province County District Region Island Islands Valley River Mountains Mountain Sea Ocean Lake Bay Gulf
Strait Straits Desert Peninsula Coast Square Street Avenue Road Airport Port Harbour Harbor Canal Plateau
Heights Hills Highlands Delta Basin Territory Territories Prefecture Governorate Oblast Municipality Village
Town Park Bridge Station Camp Quarter Border Crossing Plain Plains Forest Falls Beach Cape Palace Castle
Boulevard Platz Strasse Straße Plaza Cathedral Stadium Arena
""".split())
PLACE_HEADS = frozenset("Camp Mount Mt Lake Fort Port Cape Gulf Isle Isla Lake Sierra Rio Bay Saint St "
                        # streets, squares and palaces in the languages news often quotes them in
                        "Avenida Avenue Rua Calle Plaza Praça Praca Piazza Place Platz Via Boulevard "
                        "Palácio Palacio Palazzo Palais Palace Castle Castillo Schloss Mount Monte".split())

#: Lower-case words right after a name that say it is a place.
PLACE_AFTER = frozenset("camp city town village province region district county capital suburb suburbs "
                        "neighbourhood neighborhood compound border airport island islands".split())
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
              "di", "du", "dos", "das", "la", "le", "y", "of the", "for the", "on the")

MONTH_WORDS = frozenset("January February March April May June July August September October November "
                        "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday "
                        "Wednesday Thursday Friday Saturday Sunday".split())

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
                         "Kremlin Vatican".split())
#: First words that make a media organisation ("TV Globo", "Radio Free Europe").
ORG_FIRST = frozenset("TV Radio Channel Radio-Canada".split())
