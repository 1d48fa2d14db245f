"""The corpus-wide actor registry across documents, on texts written for this test."""

from __future__ import annotations

from dateline import RunOptions, Store, run

GERMAN = """Berlin Daily

Chancellor Weber sets out budget plan

Chancellor Weber sets out budget plan

BERLIN: German Chancellor Anna Weber presented a budget plan on Monday that would raise spending on schools and rail lines.
Weber told parliament that the plan would be paid for by closing tax loopholes used by large companies.
Opposition parties said the plan did not go far enough to help families hit by rising prices.
Weber said she expected the budget to pass before the summer break.
"""

SWISS = """Alpine Sport

Coach Weber leaves Zurich club after ten years

Coach Weber leaves Zurich club after ten years

ZURICH: Swiss football coach Peter Weber will leave his club at the end of the season after ten years in charge, the club said on Tuesday.
Weber won three league titles and two cups during his time at the club, which he joined from a second-division team.
The club said it would name a new coach in the coming weeks and thanked Weber for his work.
Weber said he wanted to spend more time with his family before taking on a new job.
"""

AMBIGUOUS = """Evening Brief

Weber speaks at awards dinner in Geneva

Weber speaks at awards dinner in Geneva

GENEVA: Mr Weber spoke at an awards dinner on Thursday evening, thanking the organisers for the invitation.
The dinner raised money for a charity that supports young athletes and students across the region.
Guests included business leaders, sports officials and several former ministers from the region.
Organisers said the event would return next year with a larger programme of talks.
"""

GERMAN_AGAIN = """Berlin Daily

Budget vote set for Friday

Budget vote set for Friday

BERLIN: Parliament will vote on Friday on the budget presented by Chancellor Anna Weber, officials said on Wednesday.
Anna Weber has said the plan will pay for new schools and faster trains without new taxes on families.
Lawmakers from the governing coalition said they expected the plan to pass with a clear majority.
The opposition said it would table amendments to help families with energy bills.
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def people(store, surname):
    return sorted(
        (a["name"], a["country"], a["article_count"]) for a in store.find_actors(surname) if a["kind"] == "person"
    )


def test_two_people_sharing_a_surname_stay_apart(tmp_path):
    db = tmp_path / "r.db"
    run([write(tmp_path, "de.txt", GERMAN), write(tmp_path, "ch.txt", SWISS)], db, RunOptions())
    with Store(db) as store:
        assert people(store, "Weber") == [("Anna Weber", "DEU", 1), ("Peter Weber", "CHE", 1)]


def test_a_bare_surname_with_two_candidates_is_not_guessed(tmp_path):
    db = tmp_path / "r.db"
    run([write(tmp_path, "de.txt", GERMAN), write(tmp_path, "ch.txt", SWISS)], db, RunOptions())
    run([write(tmp_path, "x.txt", AMBIGUOUS)], db, RunOptions())
    with Store(db) as store:
        found = people(store, "Weber")
        assert ("Anna Weber", "DEU", 1) in found and ("Peter Weber", "CHE", 1) in found
        assert len(found) == 3  # the lone "Weber" is kept apart


def test_the_same_person_links_across_documents(tmp_path):
    db = tmp_path / "r.db"
    run([write(tmp_path, "de.txt", GERMAN), write(tmp_path, "de2.txt", GERMAN_AGAIN)], db, RunOptions())
    with Store(db) as store:
        assert people(store, "Weber") == [("Anna Weber", "DEU", 2)]
        (anna,) = store.find_actors("Anna Weber")
        detail = store.actor_detail(anna["id"])
        assert len(detail["articles"]) == 2
        assert all("Weber" in m["context"] for m in detail["mentions"])
