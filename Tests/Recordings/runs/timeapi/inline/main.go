// One-line wrappers of time.Time's methods and the time package's functions: -m=2's "can
// inline ... with cost N" gives what a call of each costs its caller in Go 1.27.3 and 1.19.8.
package main

import "time"

func wUnix(t time.Time) int64                          { return t.Unix() }
func wUnixNano(t time.Time) int64                      { return t.UnixNano() }
func wUnixMilli(t time.Time) int64                     { return t.UnixMilli() }
func wUnixMicro(t time.Time) int64                     { return t.UnixMicro() }
func wSub(t, u time.Time) time.Duration                { return t.Sub(u) }
func wAdd(t time.Time, d time.Duration) time.Time      { return t.Add(d) }
func wBefore(t, u time.Time) bool                      { return t.Before(u) }
func wAfter(t, u time.Time) bool                       { return t.After(u) }
func wEqual(t, u time.Time) bool                       { return t.Equal(u) }
func wIsZero(t time.Time) bool                         { return t.IsZero() }
func wYear(t time.Time) int                            { return t.Year() }
func wMonth(t time.Time) time.Month                    { return t.Month() }
func wDay(t time.Time) int                             { return t.Day() }
func wHour(t time.Time) int                            { return t.Hour() }
func wMinute(t time.Time) int                          { return t.Minute() }
func wSecond(t time.Time) int                          { return t.Second() }
func wNanosecond(t time.Time) int                      { return t.Nanosecond() }
func wWeekday(t time.Time) time.Weekday                { return t.Weekday() }
func wYearDay(t time.Time) int                         { return t.YearDay() }
func wFormat(t time.Time, l string) string             { return t.Format(l) }
func wString(t time.Time) string                       { return t.String() }
func wUTC(t time.Time) time.Time                       { return t.UTC() }
func wLocal(t time.Time) time.Time                     { return t.Local() }
func wTruncate(t time.Time, d time.Duration) time.Time { return t.Truncate(d) }
func wRound(t time.Time, d time.Duration) time.Time    { return t.Round(d) }
func wAddDate(t time.Time, y, m, d int) time.Time      { return t.AddDate(y, m, d) }
func wDate(y, d, h, mi, s, ns int, m time.Month) time.Time {
	return time.Date(y, m, d, h, mi, s, ns, time.UTC)
}
func wTimeUnix(s, ns int64) time.Time                { return time.Unix(s, ns) }
func wTimeUnixMilli(ms int64) time.Time              { return time.UnixMilli(ms) }
func wUntil(t time.Time) time.Duration               { return time.Until(t) }
func wParseDuration(s string) (time.Duration, error) { return time.ParseDuration(s) }
func wMonthString(m time.Month) string               { return m.String() }
func wWeekdayString(d time.Weekday) string           { return d.String() }

func main() {}
