import ReguaTesting
import Testing

@testable import Regua

@Suite("Explanations of dates: the effective due date, business days, moved steps")
struct ExplanationDateTests {
  let cadence: Cadence

  init() throws {
    cadence = try rules(
      """
        calendar BR
        holiday 2026-04-24 "Dia da Empresa"
        D-3  email reminder
        D0   sms due-today
        D+1  email overdue
        D+4  sms overdue-4
        D+5  call check any day
        D+3 business days letter notice

      """)
  }

  func explained(due: String, on date: String) throws -> Explanation {
    try Evaluator(cadence).explain(Invoice.make(due: due, issued: "2026-03-01"), on: day(date))
  }

  func step(_ explanation: Explanation, _ id: String) throws -> StepExplanation {
    try #require(explanation.steps.first { $0.id == id }, "\(id)")
  }

  @Test("a step moved off a weekend day records the day its offset names, and why it is closed")
  func weekend() throws {
    // Due Saturday 2026-04-18: effective due Monday 04-20; D-3 counts from the stated date.
    let explanation = try explained(due: "2026-04-18", on: "2026-04-10")
    #expect(explanation.dueClosed == .weekend(.saturday))
    let reminder = try step(explanation, "d-3-email")
    #expect(
      reminder.date
        == StepDate(
          base: day("2026-04-18"), baseKind: .dueDate, named: day("2026-04-15"), scheduled: day("2026-04-15"),
          closed: nil))
    let sms = try step(explanation, "d+4-sms")
    #expect(sms.date?.base == day("2026-04-20"))
    #expect(sms.date?.named == day("2026-04-24"))
    #expect(sms.date?.closed == .holiday("Dia da Empresa"), "a holiday line names the day")
    #expect(sms.date?.isMoved == true)
    #expect(sms.scheduled == day("2026-04-27"))
  }

  @Test(
    "each closed day is told by its holiday's name or its weekday",
    arguments: [
      ("d+1-email", NonBusinessDay.holiday("Tiradentes"), "2026-04-22", true),
      ("d+4-sms", .holiday("Dia da Empresa"), "2026-04-27", true),
      ("d+5-call", .weekend(.saturday), "2026-04-25", false),
    ])
  func closedDays(id: String, closed: NonBusinessDay, scheduled: String, moved: Bool) throws {
    let explanation = try explained(due: "2026-04-20", on: "2026-04-10")
    #expect(explanation.dueClosed == nil, "due on a business day")
    let step = try step(explanation, id)
    #expect(step.date?.closed == closed)
    #expect(step.date?.isMoved == moved, "`any day` keeps its step on the closed day")
    #expect(step.scheduled == day(scheduled))
  }

  @Test("a business-day offset counts from its anchor and is never moved")
  func businessDays() throws {
    let explanation = try explained(due: "2026-04-18", on: "2026-04-10")
    let letter = try step(explanation, "d+3bd-letter")
    // Monday 04-20 effective; Tuesday is Tiradentes: 22, 23, 24 is the company's holiday, 27.
    #expect(
      letter.date
        == StepDate(
          base: day("2026-04-20"), baseKind: .effectiveDueDate, businessDays: 3, named: day("2026-04-27"),
          scheduled: day("2026-04-27"), closed: nil))
  }

  @Test("the report puts the facts in words: both due dates, the count, the move and its reason")
  func report() throws {
    let text = try explained(due: "2026-04-18", on: "2026-04-10").report
    #expect(text.contains("· due 2026-04-18 ·"))
    #expect(
      text.contains(
        "due 2026-04-18 (a Saturday); effective due date 2026-04-20: D0 and D+N count from it, payment on it is on time"
      ))
    #expect(text.contains("D+1 falls on Tiradentes, Tuesday 2026-04-21; moved to Wednesday 2026-04-22"))
    #expect(text.contains("D+4 falls on Dia da Empresa, Friday 2026-04-24; moved to Monday 2026-04-27"))
    #expect(text.contains("D+5 falls on Saturday 2026-04-25; stays on it (any day)"))
    #expect(text.contains("D+3 business days: the 3rd business day after the effective due date 2026-04-20"))
    #expect(!text.contains("D-3 falls on"), "a step on a business day says nothing more")
  }

  @Test("due on a business day, the report names one due date")
  func oneDueDate() throws {
    let text = try explained(due: "2026-04-20", on: "2026-04-10").report
    #expect(text.contains("· due 2026-04-20 ·"))
    #expect(!text.contains("; effective due date"))
  }

  @Test("without a calendar nothing is closed and nothing moves")
  func noCalendar() throws {
    let plain = try rules("  D+5 email overdue\n  D+2 business days sms x\n")
    let explanation = try Evaluator(plain).explain(Invoice.make(due: "2026-04-18"), on: day("2026-04-10"))
    #expect(explanation.dueClosed == nil)
    #expect(explanation.steps.allSatisfy { $0.date?.closed == nil && $0.date?.isMoved == false })
    #expect(explanation.steps.map(\.scheduled) == [day("2026-04-23"), day("2026-04-20")])
  }

  @Test("the JSON carries the facts as new keys", arguments: [("d+1-email", true), ("d-3-email", false)])
  func json(id: String, moved: Bool) throws {
    let explanation = try explained(due: "2026-04-18", on: "2026-04-10")
    guard case .object(let root) = explanation.json, case .array(let steps)? = root["steps"] else {
      Issue.record("not an object")
      return
    }
    #expect(
      root["due-closed"]
        == .object(["reason": .string("weekend"), "weekday": .string("saturday"), "holiday": .null]))
    let step = try #require(
      steps.compactMap { value -> [String: JSONValue]? in
        guard case .object(let members) = value, members["step"] == .string(id) else { return nil }
        return members
      }.first)
    #expect(step["moved"] == .bool(moved))
    if moved {
      #expect(step["counts-from"] == .string("2026-04-20"))
      #expect(step["counts-from-kind"] == .string("effective-due-date"))
      #expect(step["business-days"] == .null)
      #expect(step["offset-date"] == .string("2026-04-21"))
      #expect(
        step["closed"]
          == .object(["reason": .string("holiday"), "weekday": .string("tuesday"), "holiday": .string("Tiradentes")]))
    } else {
      #expect(step["counts-from"] == .string("2026-04-18"))
      #expect(step["counts-from-kind"] == .string("due-date"))
      #expect(step["closed"] == .null)
    }
  }

  @Test(
    "ordinals read as English writes them",
    arguments: [
      (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
      (112, "112th"), (122, "122nd"),
    ])
  func ordinals(number: Int, text: String) {
    #expect(StepDateText.ordinal(number) == text)
  }
}
