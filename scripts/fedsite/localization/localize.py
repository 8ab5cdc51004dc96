"""Everything a calendar page or feed says, in one language: data texts (with a visible notice
where a translation is missing), interface strings, and dates and times formatted by Babel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time
from markupsafe import Markup, escape

from fedsite.localization.dates import babel_locale
from fedsite.localization.languages import text_direction
from fedsite.localization.texts import Text
from fedsite.model import Activity
from fedsite.output.phone_links import link_phones


@dataclass(frozen=True)
class Localizer:
    lang: str  # locale of the page: "zh", "en"
    default: str  # the site's default locale
    tags: Mapping[str, str]  # locale -> BCP 47 tag
    ui: Mapping[str, str]  # this language's interface strings
    short_numbers: frozenset[str] = frozenset()  # the hotlines' short numbers (12338, 110)

    @property
    def babel(self) -> str:
        return babel_locale(self.lang)

    # Data texts -------------------------------------------------------------------------

    def __call__(self, text: Text | None) -> str:
        """Plain text (feeds): the page language, else the default language."""
        return text.pick(self.lang, self.default)[0] if text else ""

    def html(self, text: Text | None) -> Markup:
        """The text in the page language; otherwise the original, marked with its language,
        followed by a notice, never an empty field."""
        if text is None:
            return Markup("")
        value, lang = text.pick(self.lang, self.default)
        if lang == self.lang:
            return escape(value)
        return Markup("<span {}>{}</span> <span {}>{}</span>").format(
            self.language_attributes(lang), value, self._notice, self.ui["untranslated_field"]
        )

    def prose(self, text: Text | None) -> Markup:
        """A text that is prose (a description, how to sign up) as `html` gives it, with each
        phone number in it a link that calls it."""
        if text is None:
            return Markup("")
        value, lang = text.pick(self.lang, self.default)
        linked = link_phones(value, self.short_numbers)
        if lang == self.lang:
            return linked
        return Markup("<span {}>{}</span> <span {}>{}</span>").format(
            self.language_attributes(lang), linked, self._notice, self.ui["untranslated_field"]
        )

    @property
    def _notice(self) -> Markup:
        """The untranslated notice's attributes. On a page written right to left, its own
        direction is its text's (dir="auto"): until the language's strings are translated it
        is the default language's, and its brackets would be turned round."""
        if text_direction(self.lang) == "rtl":
            return Markup('class="fs-untranslated" dir="auto"')
        return Markup('class="fs-untranslated"')

    @property
    def arrows(self) -> tuple[str, str]:
        """The arrows for "back" (the previous month) and "on" (the next): the line's start
        and its end, which in a language written right to left are the other way round
        (Unicode's arrows are not mirrored)."""
        return ("→", "←") if text_direction(self.lang) == "rtl" else ("←", "→")

    def language_attributes(self, lang: str) -> Markup:
        """lang="...", and dir="..." where the text's direction is not the page's (Chinese
        on a Uyghur page stays left to right, its full stop at its end)."""
        attributes = Markup('lang="{}"').format(self.tags.get(lang, lang))
        direction = text_direction(lang)
        if direction != text_direction(self.lang):
            attributes += Markup(' dir="{}"').format(direction)
        return attributes

    def labelled(self, label: str, value: str) -> str:
        """'适合人群：妇女' / 'Audience: women' (plain text)."""
        return self.ui["label_pattern"].format(label=label, value=value)

    def labelled_html(self, label: str, value: str | Markup) -> Markup:
        """The same in HTML: `value` is escaped unless it is Markup already."""
        return Markup(escape(self.ui["label_pattern"])).format(label=label, value=value)

    def bracketed(self, value: str) -> str:
        """'（3 项活动）' / '(3 activities)'."""
        return self.ui["bracket_pattern"].format(value=value)

    def describe(self, activity: Activity) -> str:
        """Plain description for calendar apps: what it is, for whom, how to register."""
        parts = [self(activity.description)]
        if activity.audience:
            parts.append(self.labelled(self.ui["audience"], self(activity.audience)))
        if activity.registration:
            parts.append(self.labelled(self.ui["registration"], self(activity.registration.how)))
        return "\n\n".join(p for p in parts if p)

    # Dates and times ----------------------------------------------------------------------

    def date(self, day: dt.date) -> str:
        """'2026年12月5日 星期六' / 'Saturday, December 5, 2026'."""
        return self.ui["date_pattern"].format(
            date=_date(day, "long", self.babel), weekday=_date(day, "EEEE", self.babel)
        )

    def short_date(self, day: dt.date) -> str:
        """'12月5日周六' / 'Sat 5 Dec'."""
        return _skeleton("MMMEd", day, self.babel)

    def short_when(self, occ) -> str:
        """Date first, in short: '12月5日周六 09:00' / 'Sat 5 Dec, 09:00'."""
        day = self.short_date(occ.first_day)
        if occ.start is None:
            return day
        return self.ui["short_when_pattern"].format(day=day, time=self.time(occ.start))

    def month(self, day: dt.date) -> str:
        """'2026年12月' / 'December 2026'."""
        return _skeleton("yMMMM", day, self.babel)

    def times(self, start: dt.datetime, end: dt.datetime) -> str:
        """'09:00–11:30'."""
        return _interval(start.time(), end.time(), self.babel)

    def when(
        self, first: dt.date, last: dt.date, start: dt.datetime | None, end: dt.datetime | None
    ) -> str:
        """The full localized date and time of an occurrence."""
        if start is None:
            if first == last:
                days = self.date(first)
            else:
                days = self.ui["date_range_pattern"].format(
                    start=self.date(first), end=self.date(last)
                )
            return self.ui["all_day_pattern"].format(days=days)
        end = end or start  # (an event with a start has an end: the data's check says so)
        if first == last:
            return self.ui["datetime_pattern"].format(
                day=self.date(first), times=self.times(start, end)
            )
        return self.ui["multi_day_pattern"].format(
            start_day=self.date(first),
            start=self.time(start),
            end_day=self.date(last),
            end=self.time(end),
        )

    def time(self, moment: dt.datetime) -> str:
        return format_time(moment, "HH:mm", locale=self.babel)

    def weekdays(self) -> list[tuple[str, str]]:
        """(abbreviation, full name) of the weekdays, from the locale's first day."""
        loc = Locale.parse(self.babel)
        first = loc.first_week_day
        order = [(first + i) % 7 for i in range(7)]
        short = loc.days["format"]["abbreviated"]
        full = loc.days["format"]["wide"]
        return [(short[i], full[i]) for i in order]

    @property
    def first_weekday(self) -> int:
        return Locale.parse(self.babel).first_week_day

    def number(self, key: str, n: int) -> str:
        """An interface string with a count: '{n} 项活动' / '{n} activities'."""
        plural = self.ui.get(key + "_one") if n == 1 else None
        return (plural or self.ui[key]).format(n=n)


# Babel formats the same few hundred dates and times thousands of times at district scale:
# remember each result.
@cache
def _date(day: dt.date, pattern: str, locale: str) -> str:
    return format_date(day, pattern, locale=locale)


@cache
def _skeleton(skeleton: str, day: dt.date, locale: str) -> str:
    return format_skeleton(skeleton, day, locale=locale)


@cache
def _interval(start: dt.time, end: dt.time, locale: str) -> str:
    return format_interval(start, end, "Hm", locale=locale)
