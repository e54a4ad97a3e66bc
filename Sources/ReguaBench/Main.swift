import Foundation
import Regua

/// `regua-bench`: measures Regua against plain-Swift and Foundation baselines.
///
/// Run it built in release: `swift run -c release regua-bench [--json] [--quick]`.
@main
enum ReguaBench {
  /// The seed of the generated invoices and dates: every run measures the same inputs.
  static let seed: UInt64 = 0x5265_6775_6142_656E

  static func main() {
    let arguments: Arguments
    do {
      arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    } catch {
      FileHandle.standardError.write(Data("regua-bench: \(error.message)\n\(Arguments.usage)\n".utf8))
      exit(2)
    }
    do {
      try run(arguments)
    } catch {
      FileHandle.standardError.write(Data("regua-bench: error: \(error)\n".utf8))
      exit(1)
    }
  }

  static func run(_ arguments: Arguments) throws {
    if arguments.mode == .help {
      print(Arguments.usage)
      return
    }
    // The rows that compare with hand-written Swift and with JSONDecoder run the cadence with
    // `calendar none` and no windows, as the baselines move no date and write no window; the
    // `calendar` row measures the calendar and the windows.
    let calendared = try Cadence(contentsOf: ruleFile())
    var cadence = calendared
    cadence.calendar = nil
    cadence.windows = []
    let evaluator = try Evaluator(cadence)
    let pairs = arguments.quick ? 100 : 1_000
    var generator = InvoiceGenerator(cadence: cadence, seed: seed)
    let cases = try generator.cases(pairs)
    if case .streamProbe(let count) = arguments.mode {
      PortfolioMeasure.probe(cases, evaluator: evaluator, count: count)
      return
    }
    if case .accountStreamProbe(let count) = arguments.mode {
      try AccountStreamMeasure.probe(cases, evaluator: evaluator, count: count)
      return
    }
    if case .accountProbe(let count) = arguments.mode {
      AllocationMeasure.probe(try AccountCase.make(cases, invoicesPerAccount: 10), evaluator: evaluator, count: count)
      return
    }
    if case .allocationProbe(let handwritten, let count) = arguments.mode {
      AllocationMeasure.probe(cases, evaluator: evaluator, handwritten: handwritten, count: count)
      return
    }
    let progress = Progress(enabled: !arguments.json)
    progress.say("checking the hand-written baseline against the engine on \(pairs) pairs")
    var coverage = HandwrittenB2B.Coverage()
    try BaselineCheck.verify(HandwrittenB2B.self, cases, evaluator: evaluator) { _, plan, _ in coverage.add(plan) }
    for input in cases { _ = try Invoice(json: input.json) }
    // The charges row: the same cadence with a fee and interest, its own invoices (histories may
    // hold the charge steps, and payments in full sometimes pay the charges too).
    var charged = try ChargesCadence.compile(b2b: String(contentsOf: ruleFile(), encoding: .utf8))
    charged.calendar = nil
    charged.windows = []
    let chargesEvaluator = try Evaluator(charged)
    var chargesGenerator = InvoiceGenerator(cadence: charged, seed: seed, paysCharges: true)
    let chargesCases = try chargesGenerator.cases(pairs)
    progress.say("checking the hand-written charges baseline against the engine on \(pairs) pairs")
    var chargesCoverage = HandwrittenCharges.Coverage()
    try BaselineCheck.verify(HandwrittenCharges.self, chargesCases, evaluator: chargesEvaluator) {
      evaluationCase, _, essentials in chargesCoverage.add(evaluationCase, essentials)
    }

    let policy = arguments.quick ? TimingPolicy.quick : TimingPolicy.full
    let steps = arguments.quick ? [100, 400] : [1_000, 4_000]
    var report = BenchmarkReport(
      quick: arguments.quick, coverage: coverage, chargesCoverage: chargesCoverage, parseSteps: steps)
    progress.say("evaluate_vs_handwritten")
    report.comparisons.append(EvaluationMeasures.evaluateVersusHandwritten(cases, evaluator: evaluator, policy: policy))
    progress.say("charges_vs_handwritten")
    report.comparisons.append(
      EvaluationMeasures.chargesVersusHandwritten(chargesCases, evaluator: chargesEvaluator, policy: policy))
    progress.say("evaluate_vs_jsondecoder")
    report.comparisons.append(EvaluationMeasures.evaluateVersusJSONDecoder(cases, evaluator: evaluator, policy: policy))
    progress.say("calendar_vs_none")
    report.comparisons.append(
      EvaluationMeasures.calendarVersusNone(
        cases, calendared: try Evaluator(calendared), plain: evaluator, policy: policy))
    progress.say("account_vs_invoice")
    report.comparisons.append(try EvaluationMeasures.accountVersusInvoice(cases, evaluator: evaluator, policy: policy))
    progress.say("read_vs_jsondecoder")
    report.comparisons.append(ReadMeasure.readVersusJSONDecoder(cases, policy: policy))
    progress.say("parse_vs_jsondecoder (\(steps[0]) steps)")
    report.comparisons.append(
      try ParseMeasure.parseVersusJSONDecoder(steps: steps[0], key: "parse_vs_jsondecoder", policy: policy))
    progress.say("parse_vs_jsondecoder_4000 (\(steps[1]) steps)")
    report.comparisons.append(
      try ParseMeasure.parseVersusJSONDecoder(steps: steps[1], key: "parse_vs_jsondecoder_4000", policy: policy))
    progress.say("write_vs_jsonencoder")
    report.comparisons.append(ReadMeasure.writeVersusJSONEncoder(cases, policy: policy))
    progress.say("lines_vs_split")
    report.comparisons.append(LinesMeasure.linesVersusSplit(cases, quick: arguments.quick))
    progress.say("portfolio: batch, stream, peak memory")
    report.portfolio = try PortfolioMeasure.measure(cases, evaluator: evaluator, quick: arguments.quick)
    progress.say("accounts: stream, peak memory")
    report.accountStream = try AccountStreamMeasure.measure(cases, evaluator: evaluator, quick: arguments.quick)
    progress.say("allocations")
    report.allocations = AllocationMeasure.figures(cases, evaluator: evaluator)
    print(arguments.json ? report.json() : report.table())
  }

  /// `Rules/b2b-standard.regua`, from the current directory or else from this package's root.
  static func ruleFile() -> URL {
    let relative = "Rules/b2b-standard.regua"
    let url = URL(fileURLWithPath: relative)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent(relative)
  }
}
