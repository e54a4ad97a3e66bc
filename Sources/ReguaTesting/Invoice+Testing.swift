/// A problem in a test's own fixture (a malformed date or amount string).
public struct FixtureError: Error, CustomStringConvertible, Sendable {
  /// What is wrong.
  public var description: String
}

extension Invoice {
  /// A terse invoice for tests: dates and amounts as strings, and the defaults every test
  /// invoice shares with `test` blocks (``TestInvoice``): id `INV-1`, customer `C-1`, BRL,
  /// issued 30 days before it is due.
  ///
  /// ```swift
  /// let invoice = try Invoice.make(due: "2026-03-10", amount: "1250.00")
  ///   .paying("250.00", on: "2026-03-12")
  ///   .recording("d+1-email", on: "2026-03-11")
  /// ```
  /// - Parameters:
  ///   - id: The invoice id.
  ///   - due: The due date, `YYYY-MM-DD`.
  ///   - amount: The amount, a decimal string.
  ///   - currency: An ISO-4217 code.
  ///   - issued: The issue date; ``TestInvoice/defaultTerm`` days before `due` when `nil`.
  ///   - status: The status.
  ///   - customer: The customer.
  ///   - tags: The invoice's tags.
  /// - Throws: ``FixtureError`` for a malformed date, amount or currency, ``InvalidInput`` for
  ///   an invoice that is not valid.
  public static func make(
    _ id: String = TestInvoice.defaultID, due: String, amount: String = "1000.00",
    currency: String = TestInvoice.defaultCurrency.code, issued: String? = nil, status: InvoiceStatus = .open,
    customer: Customer = TestInvoice.defaultCustomer, tags: [String] = []
  ) throws -> Invoice {
    let currency = try fixtureCurrency(currency)
    return try TestInvoice(
      id: id, amount: try fixtureMoney(amount, currency), due: try fixtureDate(due),
      issued: try issued.map(fixtureDate), status: status, customer: customer, tags: tags
    ).invoice()
  }

  /// The invoice with one more payment.
  public func paying(_ amount: String, on date: String) throws -> Invoice {
    let payment = Payment(date: try fixtureDate(date), amount: try fixtureMoney(amount, currency))
    var copy = self
    try copy.update { $0.payments.append(payment) }
    return copy
  }

  /// The invoice with one more history entry.
  public func recording(_ step: String, on date: String, channel: String? = nil) throws -> Invoice {
    var copy = self
    let named = try channel.map { name in
      guard let channel = Channel(builtIn: name) ?? (try? Channel(host: name)) else {
        throw FixtureError(description: "`\(name)` is not a channel name")
      }
      return channel
    }
    try copy.record(HistoryEntry(step: step, date: try fixtureDate(date), channel: named))
    return copy
  }

  /// The invoice with a promise to pay.
  public func promising(by date: String, madeOn made: String? = nil) throws -> Invoice {
    let promise = PromiseToPay(made: try made.map(fixtureDate), date: try fixtureDate(date))
    var copy = self
    try copy.update { $0.promise = promise }
    return copy
  }
}

/// Parses a fixture date, or throws a ``FixtureError``.
public func fixtureDate(_ text: String) throws -> CivilDate {
  do {
    return try CivilDate(parsing: text)
  } catch {
    throw FixtureError(description: error.description)
  }
}

func fixtureCurrency(_ code: String) throws -> Currency {
  guard let currency = Currency(code) else {
    throw FixtureError(description: MoneyError.unknownCurrency(code).description)
  }
  return currency
}

func fixtureMoney(_ text: String, _ currency: Currency) throws -> Money {
  do {
    return try Money(parsing: text, currency: currency)
  } catch {
    throw FixtureError(description: error.description)
  }
}
