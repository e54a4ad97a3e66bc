import Foundation

extension Invoice {
  /// Reads an invoice from JSON in the pinned shape.
  ///
  /// - Throws: ``InputError`` naming the field's path and what is expected there.
  public init(json data: Data) throws(InputError) {
    do {
      self = try JSONDecoder().decode(Invoice.self, from: data)
    } catch let error as DecodingError {
      if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
        let problem = JSONSyntaxCheck.firstProblem(in: Array(data))
      {
        throw InputError(
          path: "",
          message:
            "the document is not valid JSON: at line \(problem.line), column \(problem.column), expected \(problem.expected)"
        )
      }
      throw error.inputError
    } catch {
      throw InputError(path: "", message: "the document could not be read: \(error.localizedDescription)")
    }
  }

  /// The invoice as JSON in the pinned shape, keys sorted.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
