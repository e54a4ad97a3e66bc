import ReguaTesting
import Testing

@testable import Regua

@Suite("Timelines with a calendar: what the engine schedules, and nothing it does not")
struct TimelineCalendarTests {
  let cadence: Cadence

  init() throws {
    cadence = try renderingCadence(
      """
      cadence "cal"
        calendar BR
        D-3 email reminder
        D0 sms due-today
        D+5 call check any day
        D+2 business days letter notice
      """)
  }

  @Test("drawn for an invoice, each mark sits on the engine's date and a moved one says where it went")
  func shifted() throws {
    // Due Tuesday 2026-03-10: D-3 is Saturday 03-07 and moves to Monday 03-09 (D-1).
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-03-01")
    let layout = try TimelineLayout(cadence: cadence, invoice: invoice)
    let schedule = try Schedule(cadence: cadence, invoice: invoice)
    for mark in layout.marks {
      #expect(mark.date == schedule.date(of: mark.step), "\(mark.step.id)")
      #expect(mark.day == mark.date.map { $0.days(since: invoice.due) }, "\(mark.step.id)")
    }
    let labels = layout.marks.map(\.label.full)
    #expect(
      labels == [
        "D-3 → D-1 email reminder", "D0 sms due-today", "D+5 call check",
        "D+2 business days letter notice",
      ])
    #expect(MermaidRenderer().render(layout).contains("D-3 → D-1 email reminder"))
    #expect(HTMLRenderer().render(layout).contains("D-3 → D-1</th>"))
  }

  @Test("a due date on a weekend puts D0 on the effective due date, drawn there with no arrow: it did not move")
  func effectiveDue() throws {
    let invoice = try Invoice.make(due: "2026-03-07", issued: "2026-03-01")
    let layout = try TimelineLayout(cadence: cadence, invoice: invoice)
    let sms = try #require(layout.marks.first { $0.step.id == "d0-sms" })
    #expect(sms.day == 2)
    #expect(sms.label.full == "D0 sms due-today")
    #expect(try Schedule(cadence: cadence, invoice: invoice).stepDate(of: sms.step)?.isMoved == false)
  }

  @Test("a contact waiting for its window is drawn where it waits, and says it moved")
  func window() throws {
    let windowed = try renderingCadence("cadence \"w\"\n  window call 09:00-18:00 mon-fri\n  D+1 call\n")
    // Due Friday 2026-03-06: D+1 is Saturday; the call waits for Monday, D+3.
    let layout = try TimelineLayout(
      cadence: windowed, invoice: try Invoice.make(due: "2026-03-06", issued: "2026-03-01"))
    #expect(layout.marks.map(\.label.full) == ["D+1 → D+3 call"])
  }

  @Test("`calendar none` promises no move in the legend; a real calendar says what it does")
  func legend() throws {
    let none = try renderingCadence("cadence \"n\"\n  calendar none\n  D+1 email x\n")
    let noneLegend = TimelineLayout(cadence: none).legend.map(\.full)
    #expect(noneLegend.contains("Calendar: none (every day is a business day)"))
    #expect(!noneLegend.joined().contains("move"))
    #expect(
      TimelineLayout(cadence: cadence).legend.map(\.full).contains(
        "Calendar: BR (steps on a non-business day move to the next one)"))
  }
}
