/// One customer and the invoices they owe: what an account evaluation reads.
///
/// The invoices are kept sorted by id, so the order a host lists them in never changes a plan;
/// every invoice's ``Invoice/customer`` is the account's customer.
public struct Account: Sendable, Hashable {
  /// Who owes the invoices. Its ``Customer/id`` is required.
  public internal(set) var customer: Customer
  /// The invoices, sorted by id.
  public internal(set) var invoices: [Invoice]

  /// Creates an account, validated: a customer with an id, at least one and at most ``Bounds/documentItems``
  /// invoices with distinct ids, and each invoice's own customer, if it has one, with the
  /// account customer's id. Each invoice then carries the account's customer.
  ///
  /// - Throws: ``InvalidInput`` listing every problem, each naming its field
  ///   (`invoices[2].customer.id`, counted in the order given).
  public init(customer: Customer, invoices: [Invoice]) throws(InvalidInput) {
    var problems = InputErrorList()
    Account.validate(customer: customer, invoices: invoices, into: &problems)
    if let invalid = problems.invalidInput { throw invalid }
    self.init(unchecked: customer, invoices: invoices)
  }

  /// An account from parts already validated.
  init(unchecked customer: Customer, invoices: [Invoice]) {
    self.customer = customer
    self.invoices = invoices.map { invoice in
      var invoice = invoice
      invoice.customer = customer
      return invoice
    }
    self.invoices.sort { $0.id < $1.id }
  }

  /// The problems of an account's parts; `customer` and `invoices` are paths of the account
  /// document. A reader passes `nil` for a customer or an invoice it could not read (and has
  /// reported): the others are still checked, at their places in the document.
  static func validate(customer: Customer?, invoices: [Invoice?], into problems: inout InputErrorList) {
    if let customer, customer.id.isEmpty {
      problems.add("customer.id", "is empty; an account's customer has an id such as \"C-42\"")
    } else if let customer {
      Invoice.validate(customer, at: "customer", into: &problems, reported: ReportedFields())
    }
    if invoices.isEmpty {
      problems.add("invoices", "is empty; an account has at least one invoice")
    }
    if invoices.count > Bounds.documentItems {
      problems.add(
        "invoices", "has \(invoices.count) invoices; an account has at most \(Bounds.documentItems)")
    }
    var seen: [String: Int] = [:]
    for (index, invoice) in invoices.prefix(Bounds.documentItems).enumerated() {
      guard let invoice else { continue }
      if let first = seen[invoice.id] {
        problems.add(
          "invoices[\(index)].id",
          "`\(SafeText.excerpt(invoice.id))` is the id of invoices[\(first)] too; each invoice of an account has "
            + "its own id")
      } else {
        seen[invoice.id] = index
      }
      guard let customer else { continue }
      let own = invoice.customer
      if !own.id.isEmpty, own.id != customer.id {
        problems.add(
          "invoices[\(index)].customer.id",
          "`\(SafeText.excerpt(own.id))` is not the account's customer "
            + "`\(SafeText.excerpt(customer.id))`; leave the invoice's customer out, or give the account's")
      } else if !own.id.isEmpty {
        // The account has one customer: what an invoice repeats of it must agree.
        for field in Account.differences(own, customer) {
          problems.add(
            "invoices[\(index)].customer.\(field)",
            "differs from the account's customer; an account has one customer: give its fields once, in "
              + "`customer`")
        }
      }
    }
  }

  /// The fields an invoice's customer gives (not left empty) that differ from the account's.
  private static func differences(_ own: Customer, _ account: Customer) -> [String] {
    var fields: [String] = []
    if own.kind != nil, own.kind != account.kind { fields.append("kind") }
    if !own.segment.isEmpty, own.segment != account.segment { fields.append("segment") }
    if !own.tags.isEmpty, own.tags != account.tags { fields.append("tags") }
    if !own.preferredChannels.isEmpty, own.preferredChannels != account.preferredChannels {
      fields.append("channels")
    }
    if !own.optOuts.isEmpty, own.optOuts != account.optOuts { fields.append("opt-outs") }
    if own.timeZone != nil, own.timeZone != account.timeZone { fields.append("timezone") }
    return fields
  }

  /// Changes the account's invoices and validates the result; when the change makes it
  /// invalid, the account is left as it was and the problems are thrown.
  ///
  /// - Throws: ``InvalidInput`` as ``init(customer:invoices:)`` does.
  public mutating func update(_ change: (inout Customer, inout [Invoice]) -> Void) throws(InvalidInput) {
    let before = self.customer
    var customer = before
    // The invoices carry the account's customer: as if they had none, so a new customer id
    // is theirs too.
    var invoices = self.invoices.map { invoice in
      var invoice = invoice
      if invoice.customer == before { invoice.customer = Customer(id: "") }
      return invoice
    }
    change(&customer, &invoices)
    self = try Account(customer: customer, invoices: invoices)
  }
}
