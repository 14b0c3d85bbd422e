"""Sports clubs: in a report about sport, a club named after its town is an organisation, not a place.

An article is about sport when it uses several words only sport uses (league, striker, relegation,
scrum...). There, a town's name (never a country's: national teams stay places, as the gold schema
wants) or an unknown name is a club when
  - a club word ends it ("Norwich City", "Huddersfield Town", "Manchester United", "Hertha BSC");
  - a player's position, the manager or the fans follow it ("Bath lock Charlie Ewels", "Watford manager");
  - a plural verb follows it, as British English writes of teams ("Watford are set to sack ..."), or a
    match verb ("Dortmund beat ...");
  - a match or a transfer leads to it ("against Legia Warsaw", "beating Bayern Munich", "his move to
    Chelsea", "signed ... from Liverpool");
  - it owns a player ("Stuttgart’s Jamie Leweling").
One such mention makes the whole entity a club (Mention.club), however often the town is named.
"""

from __future__ import annotations

import re

from reader.entities.classify import Mention, is_demonym
from reader.entities.gazetteer import Gazetteer

#: Words that only reports about sport use (lower case); an article with three different ones is about sport.
SPORT_WORDS = frozenset("""league leagues season striker strikers midfielder midfielders defender defenders
goalkeeper goalkeepers winger wingers fixture fixtures relegation relegated promotion top-flight scrum lineout
line-out wicket wickets innings squad kick-off referee half-time premiership championship goalless hat-trick
penalty penalties tries fly-half full-back scrum-half flanker coach manager club clubs match matches transfer
semi-final quarter-final derby playoff play-off playoffs goal goals tournament stadium sideline touchline
second-row substitute substitutes bowler batsman batter batters bowlers unbeaten""".split())
#: Last words of club names.
CLUB_SUFFIXES = frozenset("""United City Town Rovers Athletic Athletico Atletico Wanderers Albion County FC AFC
CF SC BSC Hotspur Villa Rangers Celtic Argyle Orient Alexion Wednesday Dynamo Dinamo Sporting Olympique
Real Racing Borussia Eintracht Fortuna Hertha Union Calcio""".split())
#: Lower-case words after a club's name: players' positions, staff, supporters.
CLUB_AFTER = frozenset("""lock prop hooker flanker fly-half scrum-half full-back centre wing winger forward
striker midfielder defender goalkeeper keeper captain skipper manager boss coach head chairman owner owners fans
supporters squad academy player players side defence attack loanee loan signing striker's manager's""".split())
_PLURAL_VERB = re.compile(r"^\s+(?:are|were|have|remain|sit|face|host|welcome|travel|beat|beats|defeated|thrashed|"
                          r"edged|drew|lost to|won at|won against)\b")
_BEFORE = re.compile(r"\b(?:against|vs\.?|v|versus|beat|beating|beats|defeated|defeating|thrashed|edged|face|faces|"
                     r"facing|hosts?|hosted|hosting|welcomes?|welcomed|drew with|draw with|lost to|loss to|win over|"
                     r"victory over|defeat to|defeat by|move to|moved to|joins?|joined|joining|signed for|signing for|"
                     r"rejoin(?:ed)?|left|leave|leaving)\s+$")
_FROM_SIGNING = re.compile(r"\b(?:sign(?:s|ed|ing)?|join(?:s|ed|ing)?|arriv(?:ed|es|ing)|move|moved|loan|transfer)\b"
                           r"[^.;]{0,80}\bfrom\s+$")


def is_sports(texts: dict[int, str]) -> bool:
    """Three or more different sport-only words in the article."""
    seen: set[str] = set()
    for text in texts.values():
        for w in re.findall(r"[A-Za-z][a-z-]+", text):
            lw = w.lower()
            if lw in SPORT_WORDS:
                seen.add(lw)
                if len(seen) >= 3:
                    return True
    return False


def _townlike(m: Mention, g: Gazetteer) -> bool:
    """A town's or a state's name, or a name nothing else is known about (never a country's)."""
    if m.place:
        # a town, or a one-word region a club plays for ("Bayern"); never a country (national teams are places)
        return m.place[1] == "city" or m.place[1] == "state" and len(m.words) == 1
    if len(m.words) == 1 and is_demonym(m.words[0], g):
        return False  # "English fans"
    return not m.acronym and m.ev.get("P", 0) < 2 and all(w[:1].isupper() for w in m.words)


def mark_clubs(mentions: list[Mention], texts: dict[int, str], g: Gazetteer) -> None:
    """Mark the mentions that name a sports club (see the module doc); no-op unless the article is about sport."""
    if not mentions or not is_sports(texts):
        return
    for m in mentions:
        if m.title_cue or m.ev.get("P", 0) >= 2:
            continue
        words = m.words
        text = texts[m.para]
        if len(words) >= 2 and words[-1] in CLUB_SUFFIXES and (
                g.place(" ".join(words[:-1])) or words[0][:1].isupper()):
            club = True  # "Norwich City", "Huddersfield Town", "Manchester United"
        elif _townlike(m, g):
            after = text[m.end:m.end + 30]
            role = re.match(r"^(?:['’]s)?\s+([a-z][\w'’-]*)", after)
            before = text[max(0, m.start - 100):m.start]
            owns = re.match(r"^['’]s\s+([A-Z][\w-]+)\s+[A-Z]", after)
            role_ok = bool(role and role.group(1) in CLUB_AFTER) and (m.place is not None or after[:1] not in "'’")
            # "Watford’s manager" is a club's; "Michał Probierz’s squad" a coach's
            club = role_ok or bool(_PLURAL_VERB.match(after)) \
                or bool(_BEFORE.search(before[-40:])) or bool(_FROM_SIGNING.search(before)) \
                or bool(owns and owns.group(1) in g.first_names)
        else:
            club = False
        if club:
            m.club = True
            m.add("O", 4)
