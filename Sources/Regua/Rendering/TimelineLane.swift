/// One horizontal lane of a timeline: a contact channel, the non-contact actions, or the
/// invoice's payments and promise.
public struct TimelineLane: Sendable, Hashable {
  /// What a lane holds.
  public enum Kind: Sendable, Hashable {
    /// The contacts on one channel (`email`, `call`, or a `notify` channel such as `push`).
    case channel(String)
    /// Actions that contact nobody: fees, interest, discounts, offers, suspensions, referrals,
    /// legal action, write-offs and tasks.
    case actions
    /// The invoice's payments and promise to pay.
    case payments
  }

  /// What the lane holds.
  public var kind: Kind
  /// The lane's heading, as people read it (`Email`, `WhatsApp`, `notify push`, `Other actions`).
  public var title: TimelineText
  /// The top edge of the lane in the drawing, in pixels.
  public var top: Double
  /// The lane's height, in pixels.
  public var height: Double
  /// How many rows the lane's labels were stacked into (at least 1).
  public var rows: Int
  /// The height of one row, in pixels: as tall as the lane's tallest label.
  public var rowHeight: Double

  /// Creates a lane.
  public init(
    kind: Kind, title: TimelineText, top: Double = 0, height: Double = 0, rows: Int = 1, rowHeight: Double = 0
  ) {
    self.kind = kind
    self.title = title
    self.top = top
    self.height = height
    self.rows = rows
    self.rowHeight = rowHeight
  }

  /// A stable name for styling: the channel's name, `actions` or `payments`.
  public var name: String {
    switch kind {
    case .channel(let channel): return channel
    case .actions: return "actions"
    case .payments: return "payments"
    }
  }

  /// The heading of a lane kind.
  static func title(of kind: Kind) -> String {
    switch kind {
    case .channel("email"): return "Email"
    case .channel("sms"): return "SMS"
    case .channel("whatsapp"): return "WhatsApp"
    case .channel("call"): return "Call"
    case .channel("letter"): return "Letter"
    case .channel(let other): return "notify " + other
    case .actions: return "Other actions"
    case .payments: return "Payments"
    }
  }
}
