import QoimaCore
import QoimaESF
import XCTest

/// IS ESF's errors about an SNT placed on the form: the property read as a field path with the
/// goods line after `product` (assumed, domain.md U2), the code as a Qoima rule.
final class SntErrorMappingTests: XCTestCase {
    func testAGoodsLineErrorLandsOnItsColumnAndLine() {
        let error = ESFDocumentError(property: "productSet.products.product[3].quantity", code: "LINE-QUANTITY-REQUIRED",
                                     text: "Количество не указано")
        let mapped = SntErrorMapping.map(error)
        XCTAssertEqual(mapped.field, SntField.line(.quantity, in: .g1))
        XCTAssertEqual(mapped.table, .g1)
        XCTAssertEqual(mapped.lineNumber, 3)
        XCTAssertEqual(mapped.rule, SntGoodsRules.quantityRequired)
        XCTAssertEqual(mapped.location, "G1.6[3]")
        XCTAssertEqual(mapped.message(in: .english), "Enter the quantity.")
        XCTAssertEqual(mapped.message(in: .kazakh), SntGoodsRules.quantityRequired.message.kazakh)
        XCTAssertEqual(mapped.problem, SntProblem(SntGoodsRules.quantityRequired, SntField.line(.quantity, in: .g1),
                                                  table: .g1, line: 3))
        XCTAssertEqual(mapped.problem?.location, "G1.6[3]")
    }

    func testPartyFieldsAndTheOilTable() {
        let seller = SntErrorMapping.map(ESFDocumentError(property: "seller.tin", code: "PARTY-TIN-REQUIRED", text: "БИН"))
        XCTAssertEqual(seller.field, SntField.seller.tin)
        XCTAssertEqual(seller.location, "B13")
        XCTAssertNil(seller.lineNumber)
        XCTAssertNil(seller.table)
        XCTAssertEqual(seller.rule, SntPartyRules.tinRequired)
        XCTAssertEqual(seller.message(in: .russian), "Укажите ИИН/БИН: его можно не заполнять только для нерезидента.")

        let oil = SntErrorMapping.map(ESFDocumentError(property: "snt.oilSet.products.product[2].pinCode", text: "PIN"))
        XCTAssertEqual(oil.field, SntField.line(.pinCode, in: .g6))
        XCTAssertEqual(oil.location, "G6.pinCode[2]")
        XCTAssertEqual(oil.message(in: .russian), "PIN", "no rule: IS ESF's own text")

        let status = SntErrorMapping.map(ESFDocumentError(property: "customer.statuses.status[2]", text: "Категория"))
        XCTAssertEqual(status.field, SntField.customer.categories, "the nearest enclosing field")
        XCTAssertEqual(status.location, "C26")
    }

    func testUnknownPropertiesAndCodesKeepTheServersWords() {
        let unknown = SntErrorMapping.map(ESFDocumentError(property: "somethingNew.inside", code: "SNT_NEW_CHECK",
                                                           text: "Новая проверка"))
        XCTAssertNil(unknown.field)
        XCTAssertNil(unknown.rule)
        XCTAssertNil(unknown.problem)
        XCTAssertEqual(unknown.location, "somethingNew.inside")
        XCTAssertEqual(unknown.message(in: .kazakh), "Новая проверка")

        let bare = SntErrorMapping.map(ESFDocumentError(text: "Ошибка ФЛК"))
        XCTAssertEqual(bare.location, "")
        XCTAssertEqual(bare.message(in: .english), "Ошибка ФЛК")

        // A rule whose message needs values from the document cannot be filled from IS ESF's error.
        let positive = SntErrorMapping.map(ESFDocumentError(property: "productSet.products.product[1].quantity",
                                                            code: "LINE-QUANTITY-POSITIVE", text: "Количество ≤ 0"))
        XCTAssertEqual(positive.rule, SntGoodsRules.quantityPositive)
        XCTAssertEqual(positive.message(in: .english), "Количество ≤ 0")
    }

    func testThePropertyNotation() {
        XCTAssertEqual(SntErrorMapping.parse(property: "productSet.products.product[12].priceWithTax"),
                       SntErrorMapping.Property(path: "productSet.products.product.priceWithTax", lineNumber: 12))
        XCTAssertEqual(SntErrorMapping.parse(property: "seller.statuses.status[1]"),
                       SntErrorMapping.Property(path: "seller.statuses.status", lineNumber: nil))
        XCTAssertEqual(SntErrorMapping.parse(property: "snt.date"), SntErrorMapping.Property(path: "date", lineNumber: nil))
        XCTAssertEqual(SntErrorMapping.parse(property: "productSet.products.product[x].quantity").lineNumber, nil)
    }
}
