/// One step of a cadence drawn on a timeline: where it lands, its label, and with an invoice,
/// what became of it.
public struct TimelineMark: Sendable, Hashable {
  /// The step drawn.
  public var step: Step
  /// The step's position in the cadence's declaration order.
  public var index: Int
  /// The lane the mark is drawn in (an index into ``TimelineLayout/lanes``).
  public var lane: Int
  /// The row of its lane the mark's label is stacked into.
  public var row: Int
  /// Days after (negative: before) the due date the step is scheduled.
  public var day: Int
  /// The step's scheduled date, when drawn for an invoice.
  public var date: CivilDate?
  /// The mark's centre, in pixels.
  public var x: Double
  /// The mark's centre, in pixels.
  public var y: Double
  /// The first line of the label: offset, where it moved to, action and arguments (`D+30 letter
  /// registered formal-notice`, `D-3 → D-1 email reminder`).
  public var label: TimelineText
  /// Drawn for an invoice, the day on the axis the step lands on when that is not where its
  /// offset reads (`D-1` for a `D-3` moved off a weekend; the day a business-day offset counts
  /// to), which the label shows after an arrow (`D-3 → D-1 email reminder`); `nil` otherwise.
  public var movedTo: String? = nil
  /// The step's conditions (`when balance >= 500.00`), if any.
  public var condition: TimelineText?
  /// What became of the step, when drawn for an invoice.
  public var outcome: StepOutcome?
  /// The outcome as a label line, with the engine's whole sentence as its full text.
  public var outcomeText: TimelineText?

  /// The action and its arguments as written: `letter registered formal-notice`.
  public var actionText: String {
    (step.action.kind.keywords + step.action.arguments).joined(separator: " ")
  }

  /// The step's `when` and `unless` as written, or `nil` without either.
  static func conditionText(of step: Step) -> String? {
    let parts = [step.when.map { "when \($0)" }, step.unless.map { "unless \($0)" }].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }

  /// Whether the step contacts the customer (drawn as a circle; other actions as diamonds).
  public var isContact: Bool { step.action.kind.isContact }
}
