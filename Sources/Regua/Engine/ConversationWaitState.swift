/// An `after conversation wait` line on the explanation's date.
public struct ConversationWaitState: Sendable, Hashable {
  /// The line.
  public var wait: ConversationWait
  /// The latest conversation on or before the date, when it still holds contacts.
  public var conversation: CivilDate?
  /// The first day contacts may go again, when a conversation holds them.
  public var until: CivilDate?

  /// Records the state.
  public init(wait: ConversationWait, conversation: CivilDate?, until: CivilDate?) {
    self.wait = wait
    self.conversation = conversation
    self.until = until
  }
}
