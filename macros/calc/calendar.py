"""Working days: a working week (ISO weekday numbers) minus public and custom holidays."""
import datetime

from macros.calc.limits import LIMITS

ONE_DAY = datetime.timedelta(days=1)
SEARCH_LIMIT = LIMITS["search_days"]


class NoWorkingDay(ValueError):
    """The week and holidays leave no working day within SEARCH_LIMIT days."""


class Calendar:
    def __init__(self, weekdays, holidays=None, custom=()):
        self.weekdays = frozenset(weekdays)
        self.holidays = dict(holidays or {})  # date → name
        self.custom = frozenset(custom)

    def reason_off(self, day: datetime.date):
        """Why `day` is not worked: ('custom'|'holiday'|'weekend', name) or None if it is."""
        if day in self.custom:
            return ("custom", "")
        if day in self.holidays:
            return ("holiday", self.holidays[day])
        if day.isoweekday() not in self.weekdays:
            return ("weekend", "")
        return None

    def is_working(self, day: datetime.date) -> bool:
        return self.reason_off(day) is None

    def next_working(self, day: datetime.date) -> datetime.date:
        """The first working day strictly after `day`."""
        for _ in range(SEARCH_LIMIT):
            day += ONE_DAY
            if self.is_working(day):
                return day
        raise NoWorkingDay()

    def add_working_days(self, day: datetime.date, count: int) -> datetime.date:
        """The count-th working day after `day` (count 0 → `day` itself)."""
        for _ in range(count):
            day = self.next_working(day)
        return day

    def working_days_between(self, after: datetime.date, until: datetime.date) -> int:
        """Working days d with after < d ≤ until."""
        if until <= after:
            return 0
        days = (until - after).days  # at most the planning range (limits.py years): no search, no limit
        return sum(self.is_working(after + ONE_DAY * i) for i in range(1, days + 1))

    def days_off(self, first: datetime.date, last: datetime.date):
        """[(date, reason, name)] for the non-working days in first..last, inclusive."""
        out, day = [], first
        while day <= last:
            reason = self.reason_off(day)
            if reason:
                out.append((day, *reason))
            day += ONE_DAY
        return out


def from_inputs(values: dict, presets: dict) -> Calendar:
    """The calendar a calculator's `week`, `country` and `custom` fields describe.
    presets: {country code: {"YYYY-MM-DD": holiday name}} (see holiday_presets.py)."""
    country = values.get("country") or ""
    holidays = {datetime.date.fromisoformat(d): name for d, name in presets.get(country, {}).items()}
    return Calendar(values["week"], holidays, values.get("custom") or ())
