/// The closed vocabulary of actions a step can take.
public enum ActionKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// `email` — a contact on the `email` channel.
  case email
  /// `sms` — a contact on the `sms` channel.
  case sms
  /// `whatsapp` — a contact on the `whatsapp` channel.
  case whatsapp
  /// `call` — a phone call, a contact on the `call` channel.
  case call
  /// `letter [registered]` — a paper letter, a contact on the `letter` channel.
  case letter
  /// `notify <channel>` — a contact on a host-defined channel.
  case notify
  /// `task` — a manual task for a team or queue.
  case task
  /// `fee` — a late fee.
  case fee
  /// `interest` — interest on the overdue amount.
  case interest
  /// `discount` — an early-payment or settlement discount.
  case discount
  /// `offer` — an installment or settlement offer.
  case offer
  /// `suspend` — suspend a service.
  case suspend
  /// `refer to agency` — hand the debt to a collection agency.
  case referToAgency = "refer-to-agency"
  /// `legal` — start legal proceedings.
  case legal
  /// `write off` — write the debt off; stops collection.
  case writeOff = "write-off"

  /// The keywords as written in a rule file: `["refer", "to", "agency"]`.
  public var keywords: [String] { rawValue.split(separator: "-").map(String.init) }

  /// The action's name in plans and step ids: its keywords joined by `-`.
  public var description: String { rawValue }

  /// Whether the action contacts the customer (and so can be missed, superseded and limited).
  public var isContact: Bool {
    switch self {
    case .email, .sms, .whatsapp, .call, .letter, .notify: return true
    default: return false
    }
  }

  /// Whether the action changes what is owed (`fee`, `interest`, `discount`).
  public var isCharge: Bool { self == .fee || self == .interest || self == .discount }

  /// The action whose first keyword is `word`.
  static func startingWith(_ word: String) -> ActionKind? {
    allCases.first { $0.keywords[0] == word }
  }

  /// The first keyword of every action, for suggestions.
  static var firstKeywords: [String] { allCases.map { $0.keywords[0] } }
}

/// A step's action with its arguments, as the plan echoes them.
public struct Action: Sendable, Hashable {
  /// What to do.
  public var kind: ActionKind
  /// The words after the action keyword(s), as written; for `notify`, the first is the channel.
  public var arguments: [String]

  /// Creates an action.
  public init(_ kind: ActionKind, arguments: [String] = []) {
    self.kind = kind
    self.arguments = arguments
  }

  /// The contact channel: the keyword for contacts (`letter registered` → `letter`), the first
  /// argument for `notify`, `nil` for non-contact actions.
  public var channel: String? {
    switch kind {
    case .notify: return arguments.first
    case let kind where kind.isContact: return kind.rawValue
    default: return nil
    }
  }
}
