import Foundation
import QoimaXML

/// The WSDL 1.1 document a service answers `GET <path>?wsdl` with, generated from the operation
/// catalogue (`ESFOperation`): document/literal SOAP 1.1, empty `soapAction`, each operation's
/// request and response wrappers in the service's namespace, and the address it was asked at.
/// The wrappers' contents are `xs:anyType`: the element orders live in domain.md and the code.
enum WSDLDocument {
    static func text(for service: ESFService, address: String) -> String {
        let name = String(service.rawValue.split(separator: "/").last ?? "Service")
        let namespace = escape(service.namespace.rawValue)
        let operations = service.operations
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"#
        out += #"<wsdl:definitions name="\#(name)" targetNamespace="\#(namespace)""#
        out += #" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/""#
        out += #" xmlns:tns="\#(namespace)" xmlns:xs="http://www.w3.org/2001/XMLSchema">"#

        out += #"<wsdl:types><xs:schema targetNamespace="\#(namespace)" elementFormDefault="unqualified">"#
        var declared = Set<String>()
        for element in operations.flatMap({ [$0.request, $0.response] }) where declared.insert(element).inserted {
            out += #"<xs:element name="\#(element)" type="xs:anyType"/>"#
        }
        out += "</xs:schema></wsdl:types>"

        for operation in operations {
            out += #"<wsdl:message name="\#(operation.wsdlName)"><wsdl:part name="parameters" element="tns:\#(operation.request)"/></wsdl:message>"#
            out += #"<wsdl:message name="\#(operation.wsdlName)Response"><wsdl:part name="parameters" element="tns:\#(operation.response)"/></wsdl:message>"#
        }

        out += #"<wsdl:portType name="\#(name)">"#
        for operation in operations {
            out += #"<wsdl:operation name="\#(operation.wsdlName)"><wsdl:input message="tns:\#(operation.wsdlName)"/>"#
            out += #"<wsdl:output message="tns:\#(operation.wsdlName)Response"/></wsdl:operation>"#
        }
        out += "</wsdl:portType>"

        out += #"<wsdl:binding name="\#(name)SoapBinding" type="tns:\#(name)">"#
        out += #"<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>"#
        for operation in operations {
            out += #"<wsdl:operation name="\#(operation.wsdlName)"><soap:operation soapAction="" style="document"/>"#
            out += #"<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output>"#
            out += "</wsdl:operation>"
        }
        out += "</wsdl:binding>"

        out += #"<wsdl:service name="\#(name)"><wsdl:port name="\#(name)Port" binding="tns:\#(name)SoapBinding">"#
        out += #"<soap:address location="\#(escape(address))"/></wsdl:port></wsdl:service>"#
        out += "</wsdl:definitions>"
        return out
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
