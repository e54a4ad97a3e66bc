/// A discount that lasts past the due date: its `until` is a due-date offset after `D0` (`until
/// D+5`, `until D+2 business days`). A discount rewards paying early; one in force after the due
/// date rewards paying late, while the cadence's fees and interest punish it.
///
/// An `until` counted from the issue date (`I+10`) cannot be placed against the due date without
/// the invoice's term, so it is not looked at.
enum DiscountAfterDueRule: LintRule {
  static let code = DiagnosticCode.discountAfterDue
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      // The cadence compiled, so its steps are the step lines, in order.
      for (step, compiled) in zip(entry.steps, entry.cadence.steps) {
        guard case .discount(let rate, let until) = compiled.charge, until.isAfterDue else { continue }
        let untilRange = step.untilRange ?? step.actionRange
        if step.offset.offset.isAfterDue {
          // The step is after the due date too: the whole discount is, and the fix moves both ends.
          warnings.append(
            warning(
              "`\(step.offset.offset) discount \(rate) until \(until)` is in force only after the due date: "
                + "it rewards paying late",
              at: step.offset.range.extended(to: untilRange),
              help: "offer it before the due date and end it by then: write `I0 discount \(rate) until D0`"))
        } else {
          warnings.append(
            warning(
              "`discount \(rate) until \(until)` lasts past the due date: it rewards paying late", at: untilRange,
              help: "end it on or before the due date: write `until D0`, or `until D-10` to reward paying early"))
        }
      }
    }
    return warnings
  }
}

extension Offset {
  /// Whether the offset is a day after the due date whatever the invoice: `D+N` with N > 0, in
  /// calendar or business days.
  var isAfterDue: Bool { anchor == .due && days > 0 }
}

extension StepSyntax {
  /// Where a discount's `until OFFSET` is written, from `until` to the offset's last word.
  var untilRange: SourceRange? {
    guard let index = arguments.firstIndex(where: { $0.value == "until" && !$0.isQuoted }),
      let last = arguments.last
    else { return nil }
    return arguments[index].range.extended(to: last.range)
  }
}
