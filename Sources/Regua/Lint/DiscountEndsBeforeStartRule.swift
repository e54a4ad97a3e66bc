/// A discount whose step is scheduled after its `until` day: it is over before it starts, so it
/// is never in force. Only offsets of the same anchor and unit are compared (`D-3` with `D-5`,
/// `I+20` with `I+10`); a discount that lasts past the due date is `discount-after-due`'s, whose
/// help moves its step too.
enum DiscountEndsBeforeStartRule: LintRule {
  static let code = DiagnosticCode.discountEndsBeforeStart
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      // The cadence compiled, so its steps are the step lines, in order.
      for (step, compiled) in zip(entry.steps, entry.cadence.steps) {
        guard case .discount(let rate, let until) = compiled.charge, !until.isAfterDue else { continue }
        let start = step.offset.offset
        guard start.anchor == until.anchor, start.unit == until.unit, start.days > until.days else { continue }
        warnings.append(
          warning(
            "`\(start) discount \(rate) until \(until)` ends before it starts: it is never in force",
            at: step.offset.range.extended(to: step.untilRange ?? step.actionRange),
            help: "schedule it on or before its last day: write `\(until) discount \(rate) until \(until)`, "
              + "or an earlier day"))
      }
    }
    return warnings
  }
}
