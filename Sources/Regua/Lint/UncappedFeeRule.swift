/// A percentage fee without `max` in a consumer cadence (``ConsumerCadence``): a percentage of a
/// large debt is a large sum that a person does not see coming, and a `max` bounds it. A cadence
/// that declares `cap fee R%` has stated the rate the law allows it (the CDC's 2%), and is not
/// warned.
enum UncappedFeeRule: LintRule {
  static let code = DiagnosticCode.uncappedFee
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      guard !entry.cadence.caps.contains(where: { $0.kind == .fee }), let reason = ConsumerCadence.reason(entry) else {
        continue
      }
      // The cadence compiled, so its steps are the step lines, in order.
      for (step, compiled) in zip(entry.steps, entry.cadence.steps) where !step.excludesPeople {
        guard case .fee(.percent(let rate), maximum: nil) = compiled.charge else { continue }
        warnings.append(
          warning(
            "`fee \(rate)` has no `max` in a consumer cadence (\(reason)): on a large debt it is a large sum",
            at: step.actionRange.extended(to: step.arguments.last?.range ?? step.actionRange),
            help: "cap it: write `fee \(rate) max 50.00` with the largest fee a person should pay"))
      }
    }
    return warnings
  }
}
