/// Something that happened to an invoice, drawn on its timeline beside the steps: a payment,
/// a promise to pay, or a contact recorded in the history outside the cadence.
public struct TimelineEvent: Sendable, Hashable {
  /// What happened.
  public enum Kind: Sendable, Hashable {
    /// A payment of an amount.
    case payment(Money)
    /// A promise to pay, standing from its `made` date (the issue date when absent) to its date.
    case promise(PromiseToPay)
    /// A contact the host recorded with a step id the cadence does not know (`manual-call`).
    case recordedContact(step: String, channel: String)
  }

  /// What happened.
  public var kind: Kind
  /// When it happened (a promise: when it was made).
  public var date: CivilDate
  /// A promise's date, the end of the period it stands.
  public var endDate: CivilDate?
  /// The lane it is drawn in (an index into ``TimelineLayout/lanes``).
  public var lane: Int
  /// The row of its lane.
  public var row: Int
  /// Its start, in pixels.
  public var x: Double
  /// Its end, in pixels (equal to ``x`` but for a promise).
  public var endX: Double
  /// Its centre line, in pixels.
  public var y: Double
  /// Its label: `paid 250.00 BRL`, `promise 1000.00 BRL by 2026-03-20`, `manual-call (recorded)`.
  public var label: TimelineText

  /// A stable name for styling and tests: `payment`, `promise` or `recorded`.
  public var name: String {
    switch kind {
    case .payment: return "payment"
    case .promise: return "promise"
    case .recordedContact: return "recorded"
    }
  }
}
