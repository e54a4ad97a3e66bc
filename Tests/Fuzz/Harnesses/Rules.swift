// libFuzzer harness `rules`: rule-file text through the whole pipeline (lex, parse, check,
// lint, render diagnostics), the formatter (a valid file must format, to a text that formats to
// itself), then evaluation, explanation, simulation, drawing and the test blocks of whatever
// compiles.
// Built outside SwiftPM by Tests/Fuzz/run.
import Foundation

private let invoice = try? Invoice(
  id: "F", amount: Money(minorUnits: 100_000, currency: .brl), issued: CivilDate(daysSinceEpoch: 20_500),
  due: CivilDate(daysSinceEpoch: 20_510),
  payments: [Payment(date: CivilDate(daysSinceEpoch: 20_520), amount: Money(minorUnits: 10_000, currency: .brl))],
  history: [
    HistoryEntry(step: "d+1-email", date: CivilDate(daysSinceEpoch: 20_511)),
    HistoryEntry(step: "x", date: CivilDate(daysSinceEpoch: 20_515), channel: .call),
  ])

/// Weekends and a holiday: whatever calendar a fuzzed cadence names, dates move.
private let calendar =
  BusinessCalendar(weekend: [.saturday, .sunday], holidays: [CivilDate(daysSinceEpoch: 20_511)]) ?? .none

/// The entry point libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let text = String(decoding: bytes, as: UTF8.self)
  let source = SourceFile(path: "fuzz.regua", text: text)
  let file = RuleCompiler.compile(source, lint: true)
  _ = DiagnosticRenderer().render(file.diagnostics, in: file.source)
  _ = file.diagnostics.map { $0.json(in: source).serialized }
  if file.isValid {
    // The formatter's promise: a valid file formats, meaning kept (checked inside), idempotently.
    guard case .success(let formatted) = RuleFormatter.format(source) else {
      fatalError("a valid file did not format: \(RuleFormatter.format(source))")
    }
    guard case .success(let again) = RuleFormatter.format(SourceFile(path: "fuzz.regua", text: formatted)),
      again == formatted
    else { fatalError("formatting is not idempotent") }
  }
  guard let invoice else { fatalError("the harness's invoice is not valid") }
  for cadence in file.cadences {
    let environment = Environment(calendars: [cadence.calendar ?? "": calendar])
    let evaluator = Evaluator(cadence, environment: environment)
    for offset in [-40, -1, 0, 3, 30, 400] {
      let plan = evaluator.plan(for: invoice, on: invoice.due.adding(days: offset))
      _ = plan.jsonLine
      _ = plan.skipped.map(\.detail)
    }
    _ = evaluator.explain(invoice, on: invoice.due.adding(days: 30)).jsonLine
    let simulator = Simulator(cadence, environment: environment)
    let simulation = simulator.run(invoice, through: invoice.due.adding(days: 800))
    _ = simulation.timeline.lines
    _ = simulation.events.lines
    simulator.walk(invoice, through: invoice.due.adding(days: 800), listing: .new) { _ = $0.jsonLine }
    let layout = TimelineLayout(cadence: cadence, invoice: invoice, environment: environment)
    _ = SVGRenderer().render(layout)
    _ = MermaidRenderer().render(TimelineLayout(cadence: cadence))
  }
  _ = PolicyTestSuite.diagnostics([file])
  _ = PolicyTestSuite.run([file])
  return 0
}
