"""Write made-up catalogue examples (Danish and English twins) into a copy of the project, for benchmarks.

Every example is labelled as made up ("Eksempel"/"Example"), uses only facet ids from data/catalogue.yml,
and is the same for the same seed. Usage: `python scripts/synthetic_entries.py PROJECT_COPY --count 2000`.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path("docs") / "inspiration"
PREFIX = "synthetic-"
SEED = 9

# One role: Danish and English name, Danish and English workplace, sector id.
ROLES = (
    ("social- og sundhedshjælper", "social and health care helper", "hjemmeplejen", "home care", "aeldre-og-sundhed"),
    ("sygeplejerske", "nurse", "et plejecenter", "a care home", "aeldre-og-sundhed"),
    ("ergoterapeut", "occupational therapist", "genoptræningen", "the rehabilitation unit", "aeldre-og-sundhed"),
    ("pædagog", "pedagogue", "en børnehave", "a kindergarten", "dagtilbud"),
    ("dagplejer", "childminder", "dagplejen", "the childminding service", "dagtilbud"),
    ("lærer", "teacher", "en folkeskole", "a primary school", "skole"),
    ("skolesekretær", "school secretary", "skolens kontor", "the school office", "skole"),
    ("pædagogisk assistent", "teaching assistant", "en specialskole", "a special school", "skole"),
    ("socialrådgiver", "social worker", "familieafdelingen", "the family department", "social-og-handicap"),
    ("omsorgsmedhjælper", "care assistant", "et bosted", "a residential home", "social-og-handicap"),
    ("vejarbejder", "road worker", "vejafdelingen", "the roads department", "teknik-og-miljoe"),
    ("gartner", "gardener", "park og natur", "parks and nature", "teknik-og-miljoe"),
    ("byggesagsbehandler", "building case officer", "byggesager", "building permits", "teknik-og-miljoe"),
    ("lønkonsulent", "payroll officer", "lønafdelingen", "the payroll department", "administration"),
    ("sagsbehandler", "case officer", "borgerservice", "citizen services", "administration"),
    ("IT-supporter", "IT supporter", "IT-afdelingen", "the IT department", "administration"),
)

# One kind of solution: id, Danish and English phrase for the title, Danish and English agreement.
SOLUTIONS = (
    ("nedsat-tid", "nedsat tid", "reduced hours", "går ned til 30 timer om ugen", "goes down to 30 hours a week"),
    ("fleksibel-tid", "fleksible vagter", "flexible shifts", "planlægger sine vagter mere frit", "plans the shifts more freely"),
    ("seniordage", "seniordage", "senior days", "får to seniordage om måneden", "gets two senior days a month"),
    ("aendrede-opgaver", "lettere opgaver", "lighter tasks", "får færre tunge opgaver", "takes on fewer heavy tasks"),
    ("mentor-og-videndeling", "mentorrolle", "mentor role", "bliver mentor for nye kolleger", "becomes a mentor for new colleagues"),
    ("kompetenceudvikling", "nyt kursus", "new course", "tager et kursus i nye metoder", "takes a course in new methods"),
    ("nyt-spor", "nyt spor", "new track", "skifter til en ny funktion", "moves to a new role"),
    ("hjemmearbejde", "hjemmearbejde", "home working", "arbejder hjemme to dage om ugen", "works from home two days a week"),
    ("fastholdelsesbonus", "fastholdelsesbonus", "retention bonus", "får en bonus for at blive tre år mere", "gets a bonus for staying three more years"),
)
THEMES = ("opgaver-og-udvikling", "trivsel-og-arbejdsmiljoe", "helbred-og-energi", "arbejdstid", "kompetencer", "videndeling")
INITIATIVES = ("medarbejder", "leder", "begge")
EFFORTS = ("lille", "mellem", "stor")

# Sentences with {role}, {place} and {deal}; each example picks some of them, so the texts vary.
REASONS = (
    ("Efter mange år i faget mærker {pronoun} trætheden sidst på ugen.", "After many years in the job, {pronoun_en} feels tired towards the end of the week."),
    ("{Pronoun} vil gerne blive, men ikke på samme måde som før.", "{Pronoun_en} wants to stay, but not in quite the same way as before."),
    ("Arbejdet er blevet mere travlt, og de tunge dage fylder mere.", "The work has become busier, and the heavy days take up more room."),
    ("Kollegerne spørger tit {object} til råds, når en sag er svær.", "Colleagues often ask {object_en} for advice when a case is difficult."),
    ("Et barnebarn og en have kalder, men arbejdet giver stadig mening.", "A grandchild and a garden call, but the work still makes sense."),
    ("Ryggen og knæene siger fra efter en lang vagt.", "The back and the knees object after a long shift."),
    ("Nye systemer og nye regler gør hverdagen uvant.", "New systems and new rules make the everyday unfamiliar."),
)
STEPS = (
    ("Tal om ønsker og behov i seniorsamtalen, og skriv aftalen ned.", "Talk about wishes and needs in the senior conversation, and write the agreement down."),
    ("Se på, hvilke opgaver andre kan overtage, og fordel dem åbent.", "Look at which tasks others can take over, and share them out openly."),
    ("Inddrag TR og AMR tidligt, så aftalen holder i praksis.", "Involve the union and safety representatives early, so the agreement works in practice."),
    ("Aftal en prøveperiode på et halvt år.", "Agree on a trial period of six months."),
    ("Fortæl kollegerne, hvad der er aftalt, og hvorfor.", "Tell colleagues what has been agreed, and why."),
    ("Tjek den lokale seniorpolitik og Rammeaftalen for muligheder.", "Check the local senior policy and the framework agreement for options."),
    ("Følg op efter tre måneder: Virker det for alle parter?", "Follow up after three months: does it work for everyone involved?"),
)
CAUTIONS = (
    ("Tanker om pension er private; medarbejderen bestemmer, hvad der deles.", "Thoughts about retirement are private; the employee decides what to share."),
    ("Færre timer kan betyde mindre i pension; regn på det før aftalen.", "Fewer hours can mean a smaller pension; do the sums before agreeing."),
    ("Kollegerne må ikke få flere tunge opgaver uden at blive spurgt.", "Colleagues must not get more heavy tasks without being asked."),
    ("Aftalen skal kunne ændres, hvis behovet ændrer sig.", "The agreement should be open to change if the need changes."),
    ("Sig klart, at aftalen handler om at blive, ikke om at trappe ud.", "Say clearly that the agreement is about staying, not about winding down."),
)
OUTCOMES = (
    ("Efter et år er sygefraværet faldet, og {pronoun} har fået mere energi.", "After a year, sick leave is down and {pronoun_en} has more energy."),
    ("Teamet har fået en fast sparringspartner, og nye kolleger falder hurtigere til.", "The team has a steady sparring partner, and new colleagues settle in faster."),
    ("{Pronoun} regner nu med at blive til folkepensionsalderen.", "{Pronoun_en} now expects to stay until state pension age."),
    ("Lederen bruger aftalen som model for andre seniorer på arbejdspladsen.", "The manager uses the agreement as a model for other seniors at the workplace."),
)


@dataclass(frozen=True)
class Example:
    """One made-up example in both languages, with its facet values."""

    slug: str
    danish: str
    english: str


def _front_matter(title: str, description: str, facets: dict[str, object]) -> str:
    """Return a page's front matter block."""
    document = {"title": title, "description": description, **facets}
    return "---\n" + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200) + "---\n"


def _facets(rng: random.Random, solution: str, sector: str) -> dict[str, object]:
    """Pick facet values: the given solution and sector, one to three themes, an initiative and an effort."""
    others = [s for s in ("administration", "skole", "dagtilbud") if s != sector]
    sectors = [sector, *rng.sample(others, rng.choice((0, 0, 0, 1)))]
    return {"solution": solution, "themes": rng.sample(THEMES, rng.randint(1, 3)), "sectors": sectors,
            "initiative": rng.choice(INITIATIVES), "effort": rng.choice(EFFORTS)}


def _section(heading: str, anchor: str, lines: list[str], numbered: bool) -> str:
    """Return one list section of a page."""
    items = [f"{index}. {line}" if numbered else f"- {line}" for index, line in enumerate(lines, start=1)]
    return f"## {heading} {{ #{anchor} }}\n\n" + "\n".join(items) + "\n"


def _pick(rng: random.Random, pairs: tuple[tuple[str, str], ...], count: int) -> tuple[list[str], list[str]]:
    """Pick count sentence pairs; return the Danish and the English sentences."""
    chosen = rng.sample(pairs, count)
    return [da for da, _ in chosen], [en for _, en in chosen]


def make_example(number: int, rng: random.Random) -> Example:
    """Make one example's Danish and English page from the word lists."""
    role_da, role_en, place_da, place_en, sector = rng.choice(ROLES)
    solution, short_da, short_en, deal_da, deal_en = rng.choice(SOLUTIONS)
    age = rng.randint(57, 66)
    she = rng.random() < 0.5
    words = {"pronoun": "hun" if she else "han", "Pronoun": "Hun" if she else "Han", "object": "hende" if she else "ham",
             "pronoun_en": "she" if she else "he", "Pronoun_en": "She" if she else "He", "object_en": "her" if she else "him"}
    reason_pairs = rng.sample(REASONS, 3)
    outcome, second = rng.sample(OUTCOMES, 2)
    steps_da, steps_en = _pick(rng, STEPS, rng.randint(4, 5))
    cautions_da, cautions_en = _pick(rng, CAUTIONS, 3)
    facets = _facets(rng, solution, sector)
    title_da = f"Eksempel {number}: {short_da.capitalize()} for en {role_da} i {place_da}"
    title_en = f"Example {number}: {short_en.capitalize()} for a {role_en} in {place_en}"
    description_da = f"Et opdigtet eksempel på en {role_da} på {age}, der {deal_da}."
    description_en = f"A made-up example of a {role_en} aged {age} who {deal_en}."
    story_da = (f"Et opdigtet eksempel: En {role_da} på {age} har arbejdet i {place_da} i mange år. "
                + " ".join(da.format(**words) for da, _ in reason_pairs)
                + f" I seniorsamtalen aftaler {words['pronoun']} og lederen, at {words['pronoun']} {deal_da}. "
                + outcome[0].format(**words) + " " + second[0].format(**words))
    story_en = (f"A made-up example: A {role_en} aged {age} has worked in {place_en} for many years. "
                + " ".join(en.format(**words) for _, en in reason_pairs)
                + f" In the senior conversation, {words['pronoun_en']} and the manager agree that {words['pronoun_en']} {deal_en}. "
                + outcome[1].format(**words) + " " + second[1].format(**words))
    danish = (_front_matter(title_da, description_da, facets) + f"\n# {title_da}\n\n"
              + f"Dette er et opdigtet eksempel, lavet til at prøve søgningen. Det viser, hvordan {short_da} kan hjælpe en senior med at blive i jobbet.\n\n"
              + f"## Eksempel {{ #eksempel }}\n\n{story_da}\n\n"
              + _section("Sådan gør I", "saadan-goer-i", steps_da, True) + "\n"
              + _section("Vær opmærksom på", "opmaerksom", cautions_da, False) + "\n"
              + "## Læs mere { #laes-mere }\n\n- [Samtaleskabelon](../samtaleskabelon/index.md)\n")
    english = (_front_matter(title_en, description_en, facets) + f"\n# {title_en}\n\n"
               + f"This is a made-up example, written to test the search. It shows how {short_en} can help a senior stay in the job.\n\n"
               + f"## Example {{ #eksempel }}\n\n{story_en}\n\n"
               + _section("How to do it", "saadan-goer-i", steps_en, True) + "\n"
               + _section("Points to watch", "opmaerksom", cautions_en, False) + "\n"
               + "## Read more { #laes-mere }\n\n- [Conversation template](../samtaleskabelon/index.md)\n")
    return Example(f"{PREFIX}{number:04d}", danish, english)


def add_entries(project: Path, count: int, seed: int = SEED) -> None:
    """Write count made-up examples per language into project's docs/inspiration/ (the same for the same seed)."""
    rng = random.Random(seed)
    folder = project / FOLDER
    for number in range(1, count + 1):
        example = make_example(number, rng)
        (folder / f"{example.slug}.md").write_text(example.danish, encoding="utf-8")
        (folder / f"{example.slug}.en.md").write_text(example.english, encoding="utf-8")


def main() -> None:
    """Write the examples into the project copy named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path, help="a copy of the project (never the real one)")
    parser.add_argument("--count", type=int, default=2000, help="examples per language")
    parser.add_argument("--seed", type=int, default=SEED)
    arguments = parser.parse_args()
    add_entries(arguments.project, arguments.count, arguments.seed)
    print(f"wrote {arguments.count} examples per language into {arguments.project / FOLDER}")


if __name__ == "__main__":
    main()
