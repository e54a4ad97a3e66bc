import Foundation
import ReguaTesting
import Testing

@testable import Regua

/// One writer writes a plan's JSON (`PlanWriter`); these tests hold every way out to it, on
/// generated plans, so that a field added to plans reaches all of them or the tests fail.
@Suite("The plan writer")
struct PlanWriterTests {
  /// Text a plan's strings may hold: quotes, backslashes, controls, `/`, non-ASCII, a
  /// bidirectional override, an invisible character past U+FFFF.
  static let awkward = [
    "R", "INV \"quoted\" \\ back", "línea\u{1}\t\n/ü😀", "", "c\u{202E}", "a\u{200B}b\u{E0041}", "\u{7F}\u{85}\u{2028}",
  ]

  /// Dates the writer writes: ordinary ones and, past 0001–9999, the expanded form.
  static let dates: [CivilDate] = [0, 20_520, 2_932_896, 2_932_897, -719_162, -719_163, 5_000_000, -5_000_000].map {
    CivilDate(daysSinceEpoch: $0)
  }

  /// The generated plans: every random scenario's plan on dates around its due date, and a
  /// copy of each with its fields widened (`widened(_:_:)`).
  static func plans(batch: Int) throws -> [ActionPlan] {
    var random = SeededRandom(seed: 0x3501_0000 + UInt64(batch))
    var plans: [ActionPlan] = []
    for _ in 0..<30 {
      let scenario = try RandomScenario.make(&random)
      for offset in stride(from: -12, through: 50, by: 4) {
        let plan = try scenario.evaluator.plan(for: scenario.invoice, on: scenario.invoice.due.adding(days: offset))
        plans.append(plan)
        plans.append(widened(plan, &random))
      }
    }
    return plans
  }

  /// `plan` with what the engine does not vary here varied: awkward text in every string, a
  /// version, late days, retries and dates from the whole range the writer handles.
  static func widened(_ plan: ActionPlan, _ random: inout SeededRandom) -> ActionPlan {
    var plan = plan
    func text() -> String { awkward.randomElement(using: &random) ?? "" }
    func date() -> CivilDate { dates.randomElement(using: &random) ?? plan.date }
    plan.cadence = text()
    plan.invoice = text()
    plan.version = [nil, 0, 3, -7, Int.max, Int.min].randomElement(using: &random) ?? nil
    if Bool.random(using: &random) { plan.date = date() }
    if Bool.random(using: &random) { plan.next = Bool.random(using: &random) ? nil : date() }
    for index in plan.actions.indices {
      plan.actions[index].arguments = (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }
      plan.actions[index].late = [0, 1, 12, 99_999].randomElement(using: &random) ?? 0
      if Bool.random(using: &random) { plan.actions[index].id = text() }
      if Bool.random(using: &random) { plan.actions[index].scheduled = date() }
      if Bool.random(using: &random) {
        // Instants at the ends of what a window computes, and in between.
        let from = Instant(utc: date(), secondOfDay: Int.random(in: 0..<86_400, using: &random))
        plan.actions[index].window = from..<Instant(secondsSince1970: from.secondsSince1970 + 46_800)
      }
    }
    plan.actions.append(
      PlannedAction(
        id: text(), step: text(), action: ActionKind.allCases.randomElement(using: &random) ?? .email,
        arguments: [text()], channel: [nil, .email, try? Channel(host: "push")].randomElement(using: &random) ?? nil,
        scheduled: date(), late: 2))
    for index in plan.skipped.indices where Bool.random(using: &random) {
      plan.skipped[index].retry = date()
    }
    plan.skipped.append(
      SkippedStep(
        step: text(), scheduled: date(), reason: SkipReason.allCases.randomElement(using: &random) ?? .missed,
        detail: text(), retry: Bool.random(using: &random) ? date() : nil))
    return plan
  }

  @Test("every way a plan leaves as JSON writes the pinned shape, byte for byte", arguments: 0..<3)
  func everyWayAgrees(batch: Int) throws {
    for plan in try PlanWriterTests.plans(batch: batch) {
      let line = plan.jsonLine
      #expect(line == PlanWriterTests.pinned(plan).serialized)
      // The tree is read back from the writer's bytes and serialized with its keys sorted: equal
      // bytes mean the writer writes every key in the sorted order, and each once.
      #expect(plan.json.serialized == line)
      #expect(plan.jsonData() == Data(line.utf8))
      for action in plan.actions {
        #expect(action.json.serialized == PlanWriterTests.pinned(action).serialized)
      }
      for skip in plan.skipped {
        #expect(skip.json.serialized == PlanWriterTests.pinned(skip).serialized)
      }
    }
  }

  @Test("a streamed portfolio writes each plan as its JSON line, with the default render or a given one")
  func streamAgrees() throws {
    var random = SeededRandom(seed: 0x3502_0000)
    for _ in 0..<40 {
      let scenario = try RandomScenario.make(&random)
      let date = scenario.invoice.due.adding(days: Int.random(in: -12...50, using: &random))
      let expected = try scenario.evaluator.plan(for: scenario.invoice, on: date).jsonLine + "\n"
      let input = Data(String(repeating: scenario.invoice.jsonLine + "\n", count: 3).utf8)
      for render: (@Sendable (ActionPlan) -> String)? in [nil, { $0.jsonLine + "\n" }] {
        var done = false
        var output = Data()
        Portfolio(scenario.evaluator, workers: 2).stream(
          on: date,
          read: {
            defer { done = true }
            return done ? nil : input
          },
          write: { output.append($0) }, problem: { Issue.record("\($0)") }, render: render)
        #expect(String(decoding: output, as: UTF8.self) == String(repeating: expected, count: 3))
      }
    }
  }

  @Test("an explanation holds the plan and its next actions as the plan writer writes them")
  func explanationAgrees() throws {
    var random = SeededRandom(seed: 0x3503_0000)
    for _ in 0..<30 {
      let scenario = try RandomScenario.make(&random)
      let date = scenario.invoice.due.adding(days: Int.random(in: -12...50, using: &random))
      let explanation = try scenario.evaluator.explain(scenario.invoice, on: date)
      guard case .object(let members) = explanation.json else {
        Issue.record("an explanation is an object")
        return
      }
      #expect(members["plan"]?.serialized == explanation.plan.jsonLine)
      #expect(explanation.jsonLine.contains(#""plan":"# + explanation.plan.jsonLine))
      let next = explanation.nextActions.map { PlanWriterTests.pinned($0).serialized }.joined(separator: ",")
      #expect(members["next-actions"]?.serialized == "[" + next + "]")
    }
  }

  @Test("dates are written as their description, in and out of 0001–9999", arguments: dates)
  func writesDates(date: CivilDate) {
    var output = JSONBuffer(capacity: 0)
    output.append(date: date)
    #expect(output.text == "\"\(date.description)\"")
  }

  @Test("integers are written as String(_:) writes them", arguments: [0, 7, 10, -1, -10, 99_999, Int.max, Int.min])
  func writesIntegers(value: Int) {
    var output = JSONBuffer(capacity: 0)
    output.append(int: value)
    #expect(output.text == String(value))
  }

  @Test(
    "reading JSON text back into a value refuses what a writer never writes",
    arguments: [#"{"a":1,}"#, #"{"a":1,"a":2}"#, "[1.5]", "[1e3]", "[99999999999999999999]", "{} {}", "", "[nul]"])
  func readingRefuses(text: String) {
    let bytes = Array(text.utf8)
    let value = try? bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
      try JSONValue(reading: buffer)
    }
    #expect(value == nil)
  }

  @Test("reading JSON text back gives the value that wrote it")
  func readingRoundTrips() throws {
    let value = JSONValue.object([
      "b": .string("a\"b\\c\n\u{1}/é\u{202E}"), "B": .null,
      "a": .array([.int(-1), .bool(true), .bool(false), .object([:])]), "": .array([]),
    ])
    let bytes = Array(value.serialized.utf8)
    let read = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
      try JSONValue(reading: buffer)
    }
    #expect(read == value)
  }

  // The pinned shape (`Documentation/JSON.md`, "Plan output"), written as a tree of values from
  // the plan's fields, as the library wrote it before there was one writer.

  static func pinned(_ plan: ActionPlan) -> JSONValue {
    .object([
      "actions": .array(plan.actions.map(pinned)),
      // Every plan says what is owed, component by component, with the currency's minor digits.
      "balance": .object([
        "discount": .string(plan.balance.discount.amountString),
        "fees": .string(plan.balance.fees.amountString),
        "interest": .string(plan.balance.interest.amountString),
        "principal": .string(plan.balance.principal.amountString),
        "total": .string(plan.balance.total.amountString),
      ]),
      "cadence": .string(plan.cadence),
      "date": .string(plan.date.description),
      "invoice": .string(plan.invoice),
      "next": .string(plan.next?.description),
      "skipped": .array(plan.skipped.map(pinned)),
      "version": plan.version.map(JSONValue.int) ?? .null,
    ])
  }

  static func pinned(_ action: PlannedAction) -> JSONValue {
    var members: [String: JSONValue] = [
      "action": .string(action.action.rawValue),
      "args": .array(action.arguments.map(JSONValue.string)),
      "channel": .string(action.channel?.name),
      "id": .string(action.id),
      "late": .int(action.late),
      "scheduled": .string(action.scheduled.description),
      "step": .string(action.step),
    ]
    // Every contact action says when it may go out.
    if action.channel != nil {
      members["window"] =
        action.window.map { window in
          .object(["from": .string(window.lowerBound.description), "to": .string(window.upperBound.description)])
        } ?? .null
    }
    return .object(members)
  }

  static func pinned(_ skip: SkippedStep) -> JSONValue {
    .object([
      "detail": .string(skip.detail),
      "reason": .string(skip.reason.rawValue),
      "retry": .string(skip.retry?.description),
      "scheduled": .string(skip.scheduled.description),
      "step": .string(skip.step),
    ])
  }
}
