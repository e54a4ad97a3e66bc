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

/// Traps when `output` is more than linear in `input` bytes — more than `perByte` bytes each,
/// beyond `fixed` bytes that any output may have (a drawing's frame and legend, a trace's keys):
/// a cost that grows faster, such as a part written again at every level, shows as a crash with
/// its input.
private func checkSize(of output: String, _ what: String, from input: Int, perByte: Int, fixed: Int) {
  let bytes = output.utf8.count
  guard bytes <= perByte * input + fixed else {
    fatalError("\(what) is \(bytes) bytes for \(input) bytes of input")
  }
}

/// Each traced condition's JSON and text are linear in the condition's length, whatever its
/// depth or the cadence around it: at most 48 bytes per byte of the condition as printed
/// (measured: up to 28, for `true and true and …`; 100 to 470 when each part was written again at
/// every level).
private func checkTraceSizes(_ explanation: Explanation) {
  let steps = explanation.steps.flatMap { [$0.when, $0.unless].compactMap { $0 } }
  let traces = explanation.stopRules + explanation.pauseRules + steps
  for trace in traces {
    let length = ExpressionPrinter.print(trace.expression).utf8.count
    checkSize(of: trace.json.serialized, "a trace's JSON", from: length, perByte: 48, fixed: 1024)
    let text = ExplanationText.traceLines(trace).joined(separator: "\n")
    checkSize(of: text, "a trace's text", from: length, perByte: 48, fixed: 1024)
  }
}

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
    // The file's own rate tables, as `regua` loads them; a cadence of a file with errors may
    // name a table whose declaration is one of them (its name is known, the table is not).
    let environment = Environment(ruleFiles: [file], calendars: [cadence.calendar ?? "": calendar])
    let evaluator: Evaluator
    do {
      evaluator = try Evaluator(cadence, environment: environment)
    } catch .unknownRateTable where !file.isValid {
      continue
    } catch {
      fatalError("the harness's environment lacks what \(cadence.name) needs: \(error)")
    }
    for offset in [-40, -1, 0, 3, 30, 400] {
      // A charge the harness's invoice cannot take (another currency) is an input error.
      guard let plan = try? evaluator.plan(for: invoice, on: invoice.due.adding(days: offset)) else { continue }
      _ = plan.jsonLine
      _ = plan.skipped.map(\.detail)
    }
    guard let explanation = try? evaluator.explain(invoice, on: invoice.due.adding(days: 30)) else { continue }
    _ = explanation.jsonLine
    _ = explanation.report
    checkTraceSizes(explanation)
    let simulator = Simulator(evaluator)
    guard let simulation = try? simulator.run(invoice, through: invoice.due.adding(days: 800)) else { continue }
    _ = simulation.timeline.lines
    _ = simulation.events.lines
    _ = try? simulator.walk(invoice, through: invoice.due.adding(days: 800), listing: .new) { _ = $0.jsonLine }
    let layout: TimelineLayout
    do {
      layout = try TimelineLayout(cadence: cadence, invoice: invoice, environment: environment)
    } catch is InvalidInput {
      continue
    } catch {
      fatalError("the harness's environment lacks what \(cadence.name) needs: \(error)")
    }
    _ = SVGRenderer().render(layout)
    let alone = TimelineLayout(cadence: cadence)
    // A drawing costs a mark, a label and a tooltip per step (about 70 bytes per byte of a
    // tiny step), beyond its frame and legend.
    for drawing in [SVGRenderer().render(alone), MermaidRenderer().render(alone)] {
      checkSize(of: drawing, "a drawing of the cadence", from: size, perByte: 256, fixed: 65_536)
    }
  }
  _ = PolicyTestSuite.diagnostics([file])
  _ = PolicyTestSuite.run([file])
  return 0
}
