// Calendar days as the portal shows them, computed independently of the C++ code so tests can check
// its answers: days in a fixed UTC offset, working days over the policy's calendar, zh/en formats.
const DAY_MS = 86400000;

// The day number (days since 1970-01-01) of an instant in a fixed offset east of UTC, in minutes.
export function dayNumber(unixSeconds, offsetMinutes = 480) {
  return Math.floor((unixSeconds * 1000 + offsetMinutes * 60000) / DAY_MS);
}

export function dayFromIso(iso) {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function isoOfDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOfDay(day) {
  return new Date(day * DAY_MS).getUTCDay();  // 0 = Sunday
}

// The policy's rule for "answered within N working days": the N-th working day strictly after the
// day of receipt; a working day is a listed make-up day, or Monday-Friday that is not a holiday.
export function addWorkingDays(day, count, calendar) {
  const holidays = new Set(calendar.holidays);
  const makeup = new Set(calendar.makeup_workdays);
  let current = day;
  for (let found = 0; found < count;) {
    current += 1;
    const iso = isoOfDay(current);
    const weekday = weekdayOfDay(current);
    if (makeup.has(iso) || (weekday !== 0 && weekday !== 6 && !holidays.has(iso))) found += 1;
  }
  return current;
}

const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// "12月2日（周三）", with the year when it is not `thisYear`.
export function formatDayZh(day, thisYear) {
  const date = new Date(day * DAY_MS);
  const text = `${date.getUTCMonth() + 1}月${date.getUTCDate()}日（${ZH_WEEKDAYS[date.getUTCDay()]}）`;
  return date.getUTCFullYear() === thisYear ? text : `${date.getUTCFullYear()}年${text}`;
}

// "Wed, Dec 2", with the year when it is not `thisYear`.
export function formatDayEn(day, thisYear) {
  const date = new Date(day * DAY_MS);
  const text = `${EN_WEEKDAYS[date.getUTCDay()]}, ${EN_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return date.getUTCFullYear() === thisYear ? text : `${text}, ${date.getUTCFullYear()}`;
}

export function yearOfDay(day) {
  return new Date(day * DAY_MS).getUTCFullYear();
}
