/// A percentage fee above 2% in a consumer cadence (``ConsumerCadence``), or one that takes the
/// cadence's percentage fees together above 2%: Brazil's Código de Defesa do Consumidor (Lei
/// 8.078/1990, art. 52 §1) caps a consumer's fine for paying late at 2% of the installment.
enum FeeAboveConsumerCapRule: LintRule {
  static let code = DiagnosticCode.feeAboveConsumerCap
  /// The cap: 2%.
  static let cap = (try? Rate(parsing: "2%")) ?? .zero

  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      guard let reason = ConsumerCadence.reason(entry) else { continue }
      // The percentage fees so far that a person may pay, and their sum in millionths of a percent.
      var earlier: [StepSyntax] = []
      var total: Int64 = 0
      for (step, compiled) in zip(entry.steps, entry.cadence.steps) where !step.excludesPeople {
        guard case .fee(.percent(let rate), _) = compiled.charge else { continue }
        let range = step.actionRange.extended(to: step.arguments.first?.range ?? step.actionRange)
        total += rate.millionthsOfPercent
        if rate > cap {
          warnings.append(
            warning(
              "`fee \(rate)` is above the 2% cap on a consumer's late fine (\(reason))", at: range,
              help: "write `fee 2%` or less: the Código de Defesa do Consumidor (art. 52 §1) caps the fine at 2%"))
        } else if total > cap.millionthsOfPercent, let first = earlier.first {
          let sum = (try? Rate(millionthsOfPercent: total))?.description ?? "more than 2%"
          warnings.append(
            warning(
              "with the fees before it, `fee \(rate)` takes a consumer's late fines to \(sum), above the 2% cap "
                + "(\(reason))",
              at: range,
              help: "remove it, or lower the fees so that together they are at most 2% "
                + "(Código de Defesa do Consumidor, art. 52 §1)",
              notes: ["the first fee is on line \(first.range.start.line)"]))
        }
        earlier.append(step)
      }
    }
    return warnings
  }
}
