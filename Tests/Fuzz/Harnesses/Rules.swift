// libFuzzer harness `rules`: rule-file text through the whole pipeline (lex, parse, check,
// render diagnostics), then evaluation, simulation and the test blocks of whatever compiles.
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
  let file = RuleCompiler.compile(SourceFile(path: "fuzz.regua", text: text))
  _ = DiagnosticRenderer().render(file.diagnostics, in: file.source)
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
  }
  _ = PolicyTestSuite.run([file])
  return 0
}
