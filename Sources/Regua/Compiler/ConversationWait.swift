/// A cooldown after a conversation with the customer: `after conversation wait 7 days for call`.
///
/// For `days` days from a history entry of kind ``HistoryEntry/Kind/conversation`` (its own day
/// included), contacts on `channel` (every contact channel when `nil`) are held: skipped as
/// `limited`, with the day they may go out as `retry`. In an account, a conversation about any
/// of the customer's invoices holds contacts about all of them. US Regulation F (12 CFR
/// 1006.14(b)(2)(ii)) presumes harassment at a call within 7 days after a telephone
/// conversation about the debt.
public struct ConversationWait: Sendable, Hashable, CustomStringConvertible {
  /// The channel held, or `nil` for every contact channel.
  public var channel: String?
  /// How many days, counted from the conversation's day, contacts are held.
  public var days: Int

  /// Creates a wait; `channel: nil` holds every contact channel.
  public init(channel: String?, days: Int) {
    self.channel = channel
    self.days = days
  }

  /// Whether the wait holds contacts on `channel`.
  public func applies(to channel: String) -> Bool {
    self.channel.map { $0 == channel } ?? true
  }

  /// The line as written: `after conversation wait 7 days for call`.
  public var description: String {
    SyntaxPrinter.conversationWait(days: days, channel: channel)
  }
}
