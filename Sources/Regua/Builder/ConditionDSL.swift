/// A money field for conditions built in Swift: `.balance >= 500`.
public struct MoneyField: Sendable, Hashable {
  let field: Field
  /// The amount still owed (`balance`).
  public static let balance = MoneyField(field: .balance)
  /// The invoice's original amount (`amount`).
  public static let amount = MoneyField(field: .amount)
  /// The part of the amount invoiced not yet paid (`principal`).
  public static let principal = MoneyField(field: .principal)
  /// Fees charged and not yet paid (`fees`).
  public static let fees = MoneyField(field: .fees)
  /// Interest accrued and not yet paid (`interest`).
  public static let interest = MoneyField(field: .interest)
  /// The balances of the account's open invoices, summed (`account.balance`).
  public static let accountBalance = MoneyField(field: .accountBalance)
  /// The balances of the account's overdue invoices, summed (`account.overdue-balance`).
  public static let accountOverdueBalance = MoneyField(field: .accountOverdueBalance)
}

/// A whole-number field for conditions built in Swift: `.daysOverdue >= 30`.
public struct DayCountField: Sendable, Hashable {
  let field: Field
  /// Days past the due date (`days-overdue`).
  public static let daysOverdue = DayCountField(field: .daysOverdue)
  /// How many of the account's invoices are open (`account.open-invoices`).
  public static let accountOpenInvoices = DayCountField(field: .accountOpenInvoices)
  /// How many of the account's invoices are overdue (`account.overdue-invoices`).
  public static let accountOverdueInvoices = DayCountField(field: .accountOverdueInvoices)
  /// The days overdue of the account's oldest overdue invoice (`account.oldest-days-overdue`).
  public static let accountOldestDaysOverdue = DayCountField(field: .accountOldestDaysOverdue)
}

/// A text field for conditions built in Swift: `.customerSegment == "smb"`.
public struct TextField: Sendable, Hashable {
  let field: Field
  /// The customer's id (`customer.id`).
  public static let customerID = TextField(field: .customerID)
  /// `person` or `company` (`customer.kind`).
  public static let customerKind = TextField(field: .customerKind)
  /// The customer's segment (`customer.segment`).
  public static let customerSegment = TextField(field: .customerSegment)

  /// `field in [values]`.
  public func isIn(_ values: [String]) -> Condition {
    values.isEmpty
      ? Condition(problem: "the list of `\(field.rawValue) in [...]` is empty, so it is never true")
      : Condition(.membership(.field(field), values.map(Literal.text)))
  }
}

/// An amount written in a Swift condition: an integer literal (`500`) or a string (`"500.00"`,
/// `"500.00 BRL"`). Never a floating-point literal: money has no binary fractions.
public struct AmountLiteral: Sendable, Hashable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
  let literal: Result<Literal, AmountLiteralError>

  /// An amount in the invoice's currency: `500`.
  public init(integerLiteral value: Int64) {
    literal = .success(.amount(ExactDecimal(value)))
  }

  /// `"500.00"` (the invoice's currency) or `"500.00 BRL"`.
  public init(stringLiteral text: String) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard (1...2).contains(parts.count), let decimal = try? ExactDecimal(parsing: parts[0]) else {
      literal = .failure(AmountLiteralError(message: "`\(text)` is not an amount; write \"500.00\" or \"500.00 BRL\""))
      return
    }
    guard parts.count == 2 else {
      literal = .success(.amount(decimal))
      return
    }
    guard let currency = Currency(parts[1]) else {
      literal = .failure(AmountLiteralError(message: MoneyError.unknownCurrency(parts[1]).description))
      return
    }
    guard decimal.scale <= currency.minorUnits else {
      literal = .failure(AmountLiteralError(message: "`\(parts[0])` has more decimals than \(currency.code) allows"))
      return
    }
    literal = .success(.money(decimal, currency))
  }
}

/// Why an ``AmountLiteral`` string could not be read.
public struct AmountLiteralError: Error, Sendable, Hashable {
  /// What is wrong, for people.
  public var message: String
}

extension Condition {
  /// The invoice is disputed (`disputed`).
  public static let disputed = Condition(.field(.disputed))
  /// A promise to pay stands (`promised`).
  public static let promised = Condition(.field(.promised))
  /// `customer.kind`, for `.customerKind.isIn([...])` where a condition is expected.
  public static var customerKind: TextField { TextField.customerKind }
  /// `customer.segment`, for `.customerSegment.isIn([...])` where a condition is expected.
  public static var customerSegment: TextField { TextField.customerSegment }
  /// `customer.id`, for `.customerID.isIn([...])` where a condition is expected.
  public static var customerID: TextField { TextField.customerID }
  /// The invoice or the customer has a tag (`tagged "x"`).
  public static func tagged(_ tag: String) -> Condition { Condition(.tagged(tag)) }

  /// `a and b`.
  public static func && (lhs: Condition, rhs: Condition) -> Condition {
    combine(lhs, rhs, Expression.and)
  }

  /// `a or b`.
  public static func || (lhs: Condition, rhs: Condition) -> Condition {
    combine(lhs, rhs, Expression.or)
  }

  /// `not a`.
  public static prefix func ! (operand: Condition) -> Condition {
    var result = Condition(.not(operand.expression))
    result.problem = operand.problem
    return result
  }

  private static func combine(
    _ lhs: Condition, _ rhs: Condition, _ make: (Expression, Expression) -> Expression
  ) -> Condition {
    var result = Condition(make(lhs.expression, rhs.expression))
    result.problem = lhs.problem ?? rhs.problem
    return result
  }

  static func compare(_ field: Field, _ op: ComparisonOperator, _ amount: AmountLiteral) -> Condition {
    switch amount.literal {
    case .success(let literal): return Condition(.comparison(.field(field), op, .literal(literal)))
    case .failure(let error): return Condition(problem: error.message)
    }
  }
}

/// `balance >= 500`
public func >= (lhs: MoneyField, rhs: AmountLiteral) -> Condition { .compare(lhs.field, .greaterOrEqual, rhs) }
/// `balance > 500`
public func > (lhs: MoneyField, rhs: AmountLiteral) -> Condition { .compare(lhs.field, .greater, rhs) }
/// `balance <= 500`
public func <= (lhs: MoneyField, rhs: AmountLiteral) -> Condition { .compare(lhs.field, .lessOrEqual, rhs) }
/// `balance < 500`
public func < (lhs: MoneyField, rhs: AmountLiteral) -> Condition { .compare(lhs.field, .less, rhs) }
/// `balance == 500`
public func == (lhs: MoneyField, rhs: AmountLiteral) -> Condition { .compare(lhs.field, .equal, rhs) }
/// `balance != 500`
public func != (lhs: MoneyField, rhs: AmountLiteral) -> Condition { .compare(lhs.field, .notEqual, rhs) }

/// `balance < amount`, and the other comparisons of two money fields.
public func < (lhs: MoneyField, rhs: MoneyField) -> Condition { moneyFields(lhs, .less, rhs) }
/// `balance == amount`
public func == (lhs: MoneyField, rhs: MoneyField) -> Condition { moneyFields(lhs, .equal, rhs) }
/// `balance != amount`
public func != (lhs: MoneyField, rhs: MoneyField) -> Condition { moneyFields(lhs, .notEqual, rhs) }

/// Two money fields compared; an account field compares only with `amount` (or itself).
private func moneyFields(_ lhs: MoneyField, _ op: ComparisonOperator, _ rhs: MoneyField) -> Condition {
  let pair = [lhs.field, rhs.field]
  if let account = pair.first(where: \.isAccountField), let other = pair.first(where: { $0 != account }),
    other != .amount
  {
    return Condition(problem: "`\(account.rawValue)` compares with a value or `amount`, not with `\(other.rawValue)`")
  }
  return Condition(.comparison(.field(lhs.field), op, .field(rhs.field)))
}

/// `days-overdue >= 30`
public func >= (lhs: DayCountField, rhs: Int) -> Condition { dayCount(lhs, .greaterOrEqual, rhs) }
/// `days-overdue > 30`
public func > (lhs: DayCountField, rhs: Int) -> Condition { dayCount(lhs, .greater, rhs) }
/// `days-overdue <= 30`
public func <= (lhs: DayCountField, rhs: Int) -> Condition { dayCount(lhs, .lessOrEqual, rhs) }
/// `days-overdue < 30`
public func < (lhs: DayCountField, rhs: Int) -> Condition { dayCount(lhs, .less, rhs) }
/// `days-overdue == 30`
public func == (lhs: DayCountField, rhs: Int) -> Condition { dayCount(lhs, .equal, rhs) }
/// `days-overdue != 30`
public func != (lhs: DayCountField, rhs: Int) -> Condition { dayCount(lhs, .notEqual, rhs) }

private func dayCount(_ lhs: DayCountField, _ op: ComparisonOperator, _ rhs: Int) -> Condition {
  guard rhs.magnitude <= 1_000_000 else { return Condition(problem: "`\(rhs)` days is out of range") }
  return Condition(.comparison(.field(lhs.field), op, .literal(.integer(rhs))))
}

/// `customer.segment == "smb"`
public func == (lhs: TextField, rhs: String) -> Condition {
  Condition(.comparison(.field(lhs.field), .equal, .literal(.text(rhs))))
}
/// `customer.segment != "smb"`
public func != (lhs: TextField, rhs: String) -> Condition {
  Condition(.comparison(.field(lhs.field), .notEqual, .literal(.text(rhs))))
}
