import Regua

// Dates in tables are read with `day(_:)` (EngineTests.swift): a typo becomes 1970-01-01, which
// no table expects.

/// A calendar's holidays of a year as `date name` lines, with ` (observed; actual)` when moved.
func lines(_ calendar: BusinessCalendar, _ year: Int) -> [String] {
  calendar.holidays(in: year).map { "\($0.date) \($0.name)" + ($0.isMoved ? " (observed; \($0.actualDate))" : "") }
}
