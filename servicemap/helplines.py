"""Urgent help: the national numbers any public page can show ({% urgent_help %}).

Checked in November 2026 against stored copies of these pages (some of them a few years old):
check each again on the live page whenever the staying-safe page is reviewed, as hours change.
- 999 and 101: Police Scotland, scotland.police.uk, "Call handling". Pressing 55 on a silent 999
  call from a mobile: Police Scotland and Citizens Advice Scotland domestic abuse advice.
- Rape Crisis Scotland helpline, 08088 01 03 02, every day 6pm to midnight:
  rapecrisisscotland.org.uk.
- Scotland's Domestic Abuse and Forced Marriage Helpline, 0800 027 1234, 24 hours: Police
  Scotland's domestic abuse pages, safer.scot, Scottish Women's Aid.
- Modern Slavery & Exploitation Helpline (Unseen), 08000 121 700, 24 hours:
  modernslaveryhelpline.org.
- Samaritans, 116 123, free, 24 hours, not on phone bills: samaritans.org.
- NHS 24, 111, free, day or night: nhs24.scot, NHS Lothian.
- Childline, 0800 1111, free, 24 hours, not on phone bills, for anyone under 19: childline.org.uk
  and the NSPCC's own briefings.
- Telling someone a child or young person is at risk: 999 in an emergency, otherwise the police
  (101) or the council's social work service (Scottish Government, National Guidance for Child
  Protection in Scotland 2021).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Helpline:
    name: str
    number: str
    hours: str
    for_what: str

    @property
    def dial(self) -> str:
        """The number as a tel: link wants it: digits only."""
        return "".join(character for character in self.number if character.isdigit())

    @property
    def unbroken(self) -> str:
        """The number as shown: its spaces do not break, so it never wraps onto two lines."""
        return self.number.replace(" ", "\N{NO-BREAK SPACE}")


URGENT_HELP = [
    Helpline(
        "Emergency services",
        "999",
        "Free, 24 hours",
        "If you are in danger now. If you cannot speak, stay on the line; on a mobile, press 55 "
        "when asked, so they know you need help.",
    ),
    Helpline(
        "Police Scotland (not an emergency)",
        "101",
        "24 hours",
        "To report a crime or get advice when nobody is in danger now.",
    ),
    Helpline(
        "Rape Crisis Scotland helpline",
        "08088 01 03 02",
        "Free, every day, 6pm to midnight",
        "Support after rape or sexual assault, whenever it happened.",
    ),
    Helpline(
        "Scotland's Domestic Abuse and Forced Marriage Helpline",
        "0800 027 1234",
        "Free, 24 hours",
        "If a partner, ex-partner or family member is hurting, threatening or controlling you.",
    ),
    Helpline(
        "Modern Slavery & Exploitation Helpline",
        "08000 121 700",
        "Free, 24 hours",
        "If someone is forcing you to work or to sell sex, or holds your money or papers.",
    ),
    Helpline(
        "Samaritans",
        "116 123",
        "Free, 24 hours; the call does not show on your phone bill",
        "If you are struggling to cope and want someone to listen.",
    ),
    Helpline(
        "NHS 24",
        "111",
        "Free, 24 hours",
        "Urgent health advice when your GP or dentist is closed.",
    ),
]

# For anyone under 18: the specialist services are for adults, and these are for them.
CHILDLINE = Helpline(
    "Childline",
    "0800 1111",
    "Free, 24 hours; the call does not show on your phone bill",
    "For anyone under 19, about anything: you do not have to give your name.",
)
CHILD_PROTECTION = (
    "If a child or young person is in danger now, call 999. If you are worried about one, "
    "call Police Scotland on 101 or your council's social work service."
)
