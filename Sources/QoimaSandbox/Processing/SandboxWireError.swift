import Foundation
import QoimaCore

/// One per-document error as IS ESF returns it: an `error` item with `property`, `errorCode` and
/// `text` (domain.md §6). The texts are Russian, as IS ESF's are.
public struct SandboxWireError: Hashable, Sendable {
    public var property: String
    public var errorCode: String
    public var text: String

    public init(property: String, errorCode: String, text: String) {
        self.property = property
        self.errorCode = errorCode
        self.text = text
    }

    /// An SNT problem: the property in `SandboxErrorProperty`'s form, the rule id, its Russian text.
    public init(_ problem: SntProblem) {
        self.init(property: SandboxErrorProperty.of(problem), errorCode: problem.rule.id,
                  text: problem.message(in: .russian))
    }

    public init(_ problem: UFormProblem) {
        self.init(property: SandboxErrorProperty.of(problem), errorCode: problem.rule.id,
                  text: problem.message(in: .russian))
    }
}

/// The `property` of a per-document error: which element of the body it is about. IS ESF's own
/// form is unknown (domain.md U2); the sandbox writes the element path from the body's root,
/// dot-separated, with the 1-based position of a goods line right after its item element:
///
/// - `seller.tin`, `customer.storeId`, `relatedRegistrationNumber`: no line;
/// - `productSet.products.product[3].quantity`: the third line of G1;
/// - `oilSet.products.product[1].productId`: the first line of G6;
/// - `products.product[2].quantity`, `sourceProducts.sourceProduct[1].productId`: form lines.
///
/// The client maps it back to form field numbers, so this is the one place that shapes it.
public enum SandboxErrorProperty {
    /// The path of `problem.field` with `[line]` after `product` for a goods-line problem.
    public static func of(_ problem: SntProblem) -> String {
        property(path: problem.field.path, line: problem.lineNumber)
    }

    /// A form problem's path (`products/product[2]/quantity`) with dots.
    public static func of(_ problem: UFormProblem) -> String {
        problem.path.replacingOccurrences(of: "/", with: ".")
    }

    /// `path` (`productSet.products.product.quantity`) with `[line]` inserted after its
    /// `product` step; unchanged when `line` is nil or the path has no such step.
    public static func property(path: String, line: Int?) -> String {
        guard let line else { return path }
        var steps = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let item = steps.firstIndex(of: "product") else { return path }
        steps[item] += "[\(line)]"
        return steps.joined(separator: ".")
    }

    /// The inverse for SNT properties: the path without the index, and the line (nil when none).
    public static func parse(_ property: String) -> (path: String, line: Int?) {
        guard let open = property.firstIndex(of: "["), let close = property[open...].firstIndex(of: "]"),
              let line = Int(property[property.index(after: open)..<close]) else { return (property, nil) }
        return (String(property[..<open]) + String(property[property.index(after: close)...]), line)
    }
}
