"""Greeting people by the names they really have: each row a name as typed on a card (and
its title), how a formal note greets them and how a friendly one does. Where the rule
can't be sure (which word is the surname, which the given name), it leaves a gap."""

from __future__ import annotations

import pytest

from debrief.model import Interviewer
from debrief.names import formal, friendly, is_recruiter
from debrief.notes import salutation

NO_TITLE = "[fill in: Ms./Mr./Mx.]"

NAMES = [
    # (name, title on the card, formal, friendly, what it shows)
    ("Jane Doe", "CTO", f"{NO_TITLE} Doe", "Jane", "English: no title known, a gap for it"),
    ("Amara Okafor", "Dr.", "Dr. Okafor", "Amara", "Igbo: a title from the card"),
    ("Chidi Okonkwo", "Head of Data", f"{NO_TITLE} Okonkwo", "Chidi", "a job title is no title"),
    ("Elena Márquez", "Professor of Databases", "Professor Márquez", "Elena", "a chair"),
    ("Dr. Zoë Brontë", "Head of Data", "Dr. Brontë", "Zoë", "a title typed into the name"),
    ("Prof. Dr. Hans Müller", "", "Professor Müller", "Hans", "German: two titles, the higher"),
    ("Frau Dr. Schmidt", "", "Dr. Schmidt", "Dr. Schmidt", "no first name: the formal form"),
    ("Ms Smith", "", "Ms. Smith", "Ms. Smith", "a title and a surname only"),
    ("Gabriel García Márquez", "", "[fill in: title and surname of Gabriel García Márquez]",
     "Gabriel", "Spanish: double surname or middle name? not sure"),
    ("García Márquez, Gabriel", "", f"{NO_TITLE} García Márquez", "Gabriel",
     "the surname said, before a comma"),
    ("José Ortega y Gasset", "", f"{NO_TITLE} Ortega y Gasset", "José", "Spanish: joined by y"),
    ("Maria Silva e Costa", "Dra.", "Dr. Silva e Costa", "Maria", "Portuguese: joined by e"),
    ("Ludwig van Beethoven", "", f"{NO_TITLE} van Beethoven", "Ludwig", "Dutch particle kept"),
    ("Anna Maria van der Berg", "", f"{NO_TITLE} van der Berg", "Anna", "two particles"),
    ("Juan de la Cruz", "Dr", "Dr. de la Cruz", "Juan", "Spanish particles"),
    ("Charles de Gaulle", "", f"{NO_TITLE} de Gaulle", "Charles", "French particle"),
    ("Jean-Claude Van Damme", "", f"{NO_TITLE} Van Damme", "Jean-Claude", "Belgian, capital Van"),
    ("Leonardo da Vinci", "", f"{NO_TITLE} da Vinci", "Leonardo", "Italian particle"),
    ("Omar al-Farouq", "", f"{NO_TITLE} al-Farouq", "Omar", "Arabic, hyphenated article"),
    ("Ahmed bin Rashid", "", "[fill in: title and surname of Ahmed bin Rashid]", "Ahmed",
     "Malay/Arabic patronymic: no surname"),
    ("Martin Luther King Jr.", "", "[fill in: title and surname of Martin Luther King]",
     "Martin", "a suffix is never the surname"),
    ("Sammy Davis, Jr.", "", f"{NO_TITLE} Davis", "Sammy", "a suffix after a comma"),
    ("Jane Smith, PhD", "", "Dr. Smith", "Jane", "a doctorate makes a doctor"),
    ("Björn Ångström", "PhD", "Dr. Ångström", "Björn", "Swedish, the doctorate as title"),
    ("John F. Kennedy", "", f"{NO_TITLE} Kennedy", "John", "a middle initial"),
    ("J. Robert Oppenheimer", "", f"{NO_TITLE} Oppenheimer", "Robert", "goes by the middle name"),
    ("Sir Tim Berners-Lee", "", "Sir Tim", "Tim", "British knight: Sir and the first name"),
    ("Dame Judi Dench", "", "Dame Judi", "Judi", "Dame likewise"),
    ("Siobhán O'Brien", "", f"{NO_TITLE} O'Brien", "Siobhán", "Irish apostrophe"),
    ("Sofia Garcia-Lopez", "Recruiter", f"{NO_TITLE} Garcia-Lopez", "Sofia", "hyphenated"),
    ("Mei Tanaka", "", f"{NO_TITLE} Tanaka", "Mei", "Japanese name in English order"),
    ("Li Wei", "", "[fill in: title and surname of Li Wei]", "[fill in: first name of Li Wei]",
     "Chinese: family name first, or not? not sure"),
    ("Kim Min-jun", "", "[fill in: title and surname of Kim Min-jun]",
     "[fill in: first name of Kim Min-jun]", "Korean, family name first"),
    ("Nguyễn Văn An", "", "[fill in: title and surname of Nguyễn Văn An]",
     "[fill in: first name of Nguyễn Văn An]", "Vietnamese: addressed by the last name"),
    ("山田太郎", "", "[fill in: title and surname of 山田太郎]", "[fill in: first name of 山田太郎]",
     "Japanese script: no space between the names"),
    ("王伟", "Dr.", "Dr. [fill in: surname of 王伟]", "[fill in: first name of 王伟]",
     "Chinese script, a known title"),
    ("Иван Петров", "", f"{NO_TITLE} Петров", "Иван", "Russian, Cyrillic"),
    ("Иван Иванович Петров", "", "[fill in: title and surname of Иван Иванович Петров]", "Иван",
     "Russian with a patronymic: not sure"),
    ("Σωκράτης Παπαδόπουλος", "", f"{NO_TITLE} Παπαδόπουλος", "Σωκράτης", "Greek"),
    ("محمد علي", "", "[fill in: title and surname of محمد علي]", "محمد", "Arabic script"),
    ("Suharto", "", "Suharto", "Suharto", "Indonesian single name"),
    ("Sam", "", "Sam", "Sam", "only a first name was noted"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "title", "formally", "friendly_", "why"), NAMES)
def test_names_people_really_have(
    name: str, title: str, formally: str, friendly_: str, why: str
) -> None:
    assert formal(name, title) == formally, why
    assert friendly(name, title) == friendly_, why


def test_the_table_has_names_from_many_cultures() -> None:
    assert len(NAMES) >= 30


@pytest.mark.parametrize(
    ("name", "address", "friendly_"),
    [
        ("Li Wei", "Mr. Li", "Wei"),  # the surname said: the first name is what is left
        ("Jane Doe", "Dr. Doe", "Jane"),
        ("Gabriel García Márquez", "Mr. García Márquez", "Gabriel"),
        ("Tim Berners-Lee", "Sir Tim", "Tim"),
        ("Jane Doe", "Janie", "Janie"),  # no title: what they like to be called
        ("Nguyễn Văn An", "Mr. An", "Nguyễn Văn"),
    ],
)
def test_address_as_on_the_card_wins_and_tells_the_first_name(
    name: str, address: str, friendly_: str
) -> None:
    person = Interviewer(name=name, address_as=address)
    assert salutation(person, formal=True) == f"Dear {address},"
    assert salutation(person, formal=False) == f"Hi {friendly_},"


def test_the_friendly_tone_never_uses_a_title() -> None:
    for name, title in (("Dr. Zoë Brontë", ""), ("Amara Okafor", "Dr."), ("Hans Müller", "Prof.")):
        assert not friendly(name, title).startswith(("Dr", "Prof"))


def test_the_recruiter_is_not_a_name() -> None:
    assert is_recruiter("the  Recruiter") and is_recruiter("HR")
    assert not is_recruiter("Sam Recruiter")
