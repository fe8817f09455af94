using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MedicApp.Telemetry.Generators.Diagnostics;
using MedicApp.Telemetry.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// Turns one method marked [TelemetryEvent] into an equatable <see cref="EventParseResult"/>: the only place
/// that reads symbols and syntax.
/// </summary>
internal static class EventParser
{
    public static EventParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();

        var catalogue = ReadCatalogueType(method.ContainingType, syntax, context.SemanticModel.Compilation, diagnostics);
        var shapeError = ReadShapeError(method, syntax);
        if (shapeError is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEventMethod, syntax.Identifier.GetLocation(), method.Name, shapeError));
        }

        var attribute = context.Attributes[0];
        var name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        var description = string.Empty;
        var area = string.Empty;
        var version = 1;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Description":
                    description = argument.Value.Value as string ?? string.Empty;
                    break;
                case "Area":
                    area = argument.Value.Value as string ?? string.Empty;
                    break;
                case "Version":
                    version = argument.Value.Value is int v ? v : 0;
                    break;
            }
        }

        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? syntax.Identifier.GetLocation();
        ValidateEvent(name, description, area, version, attributeLocation, diagnostics);

        var structName = GeneratedNames.PayloadStruct(method.Name);
        if (GeneratedNames.FindMember(method.ContainingType, structName) is { } taken)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratedNameClash,
                taken.Locations.FirstOrDefault(static l => l.IsInSource) ?? syntax.Identifier.GetLocation(),
                "Member",
                structName,
                "the payload struct of event method '" + method.Name + "'"));
        }

        var properties = new List<PropertyModel>(method.Parameters.Length);
        var seenNames = new HashSet<string>();
        var seenMembers = new Dictionary<string, string>();
        foreach (var parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var property = ReadProperty(parameter, structName, diagnostics);
            if (property is null)
            {
                continue;
            }

            if (!seenNames.Add(property.WireName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicatePropertyName, parameter.Locations.FirstOrDefault(), property.WireName, name));
            }
            else if (seenMembers.TryGetValue(property.MemberName, out var first))
            {
                // x and X, each with its own Name: two properties of one struct would be named X.
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.GeneratedNameClash,
                    parameter.Locations.FirstOrDefault(),
                    "Parameter",
                    parameter.Name,
                    "property '" + property.MemberName + "' of " + structName + ", generated for parameter '" + first + "'"));
            }
            else
            {
                seenMembers.Add(property.MemberName, parameter.Name);
            }

            properties.Add(property);
        }

        if (method.Parameters.Length > TelemetryLimits.MaxDeclaredProperties)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TooManyProperties,
                syntax.ParameterList.GetLocation(),
                name,
                method.Parameters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TelemetryLimits.MaxPropertiesPerEvent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TelemetryLimits.ReservedPropertyNames.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        EventModel? model = null;
        if (catalogue is not null && shapeError is null)
        {
            var modifiers = string.Join(" ", syntax.Modifiers.Where(static m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)).Select(static m => m.Text));
            model = new EventModel(
                method.Name,
                modifiers,
                name,
                description,
                area,
                version,
                FormatParameters(method),
                properties.ToImmutableEquatableArray(),
                IsValid: !diagnostics.Any(static d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) && properties.Count == method.Parameters.Length);
        }

        var stub = model is null ? ReadStub(method, syntax) : null;
        var catalogueLocation = syntax.Parent is TypeDeclarationSyntax declaration ? LocationInfo.From(declaration.Identifier.GetLocation()) : null;
        return new EventParseResult(catalogue, model, diagnostics.ToImmutableEquatableArray(), LocationInfo.From(attributeLocation), catalogueLocation, stub);
    }

    // A rejected partial method still needs an implementation, in the same types, with the same signature.
    private static StubModel? ReadStub(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        // A file-local type cannot be extended from another file: nothing can be written for it.
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || syntax.Body is not null || syntax.ExpressionBody is not null
            || syntax.Modifiers.Any(SyntaxKind.ExternKeyword) || method.ContainingType.IsFileLocal)
        {
            return null;
        }

        var containers = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var keyword = type.IsRecord
                ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : type.TypeKind switch
                {
                    TypeKind.Struct => "struct",
                    TypeKind.Interface => "interface",
                    _ => "class",
                };
            var typeParameters = type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(static t => t.Name)) + ">";
            containers.Insert(0, "partial " + keyword + " " + type.Name + typeParameters);
        }

        var format = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
        var modifiers = string.Join(" ", syntax.Modifiers.Where(static m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(static m => m.Text));
        var typeParameterList = method.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(static t => t.Name)) + ">";
        var signature = (modifiers.Length == 0 ? string.Empty : modifiers + " ") + "partial " + method.ReturnType.ToDisplayString(format) + " "
            + EscapeIdentifier(method.Name) + typeParameterList + "(" + FormatParameters(method) + ")";
        var ns = method.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingNamespace.ToDisplayString();
        var hintName = string.Join(".", containers.Select(static c => c.Substring(c.LastIndexOf(' ') + 1).Replace('<', '{').Replace('>', '}')))
            + "." + method.Name + "." + syntax.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        return new StubModel((ns.Length == 0 ? string.Empty : ns + ".") + hintName, ns, containers.ToImmutableEquatableArray(), new[] { signature }.ToImmutableEquatableArray());
    }

    private static string FormatParameters(IMethodSymbol method)
    {
        var format = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
        return string.Join(", ", method.Parameters.Select(p =>
        {
            var modifier = p.IsParams ? "params " : p.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.In => "in ",
                RefKind.RefReadOnlyParameter => "ref readonly ",
                _ => string.Empty,
            };
            return modifier + p.Type.ToDisplayString(format) + " " + EscapeIdentifier(p.Name);
        }));
    }

    private static string EscapeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static CatalogueTypeModel? ReadCatalogueType(INamedTypeSymbol type, MethodDeclarationSyntax method, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        var isPartial = type.DeclaringSyntaxReferences.All(static r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
        var valid = type.TypeKind == TypeKind.Class && !type.IsRecord && !type.IsFileLocal && !type.IsGenericType && type.ContainingType is null && isPartial && !type.IsStatic && !type.IsAbstract;
        if (!valid)
        {
            var location = method.Parent is TypeDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : method.GetLocation();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCatalogueType, location, type.Name));
            return null;
        }

        var constructor = type.InstanceConstructors.FirstOrDefault(static c => !c.IsImplicitlyDeclared);
        if (constructor is not null)
        {
            var location = constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ConstructorDeclarationSyntax declared
                ? declared.Identifier.GetLocation()
                : constructor.Locations.FirstOrDefault();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CatalogueDeclaresConstructor, location, type.Name));
            return null;
        }

        if (!CatalogueChecks.HasParameterlessBaseConstructor(type, compilation))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.BaseClassWithoutParameterlessConstructor,
                CatalogueChecks.BaseTypeLocation(type) ?? method.Identifier.GetLocation(),
                type.Name,
                type.BaseType!.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
            return null;
        }

        foreach (var generated in new[] { GeneratedNames.CatalogueProperty, GeneratedNames.PipelineField })
        {
            if (GeneratedNames.FindMember(type, generated) is { } taken)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.GeneratedNameClash,
                    taken.Locations.FirstOrDefault(static l => l.IsInSource) ?? method.Identifier.GetLocation(),
                    "Member",
                    generated,
                    generated == GeneratedNames.CatalogueProperty ? "the static Catalogue property of every catalogue" : "the field that holds the pipeline"));
                return null;
            }
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
        return new CatalogueTypeModel(ns, type.Name);
    }

    private static string? ReadShapeError(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return "it is not partial";
        }

        if (syntax.Body is not null || syntax.ExpressionBody is not null)
        {
            return "it has a body, which the generator writes";
        }

        if (!method.ReturnsVoid)
        {
            return "it does not return void";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic";
        }

        if (method.IsStatic)
        {
            return "it is static";
        }

        // The generated body is the implementation: an overridable or overriding event would let a derived class send
        // something else under the event's name.
        if (method.IsVirtual || method.IsOverride || method.IsAbstract || method.IsExtern || syntax.Modifiers.Any(SyntaxKind.NewKeyword))
        {
            return "it is virtual, override, abstract, extern or new";
        }

        return null;
    }

    private static void ValidateEvent(string name, string description, string area, int version, Location location, List<DiagnosticInfo> diagnostics)
    {
        if (!NamingConventions.IsSnakeCase(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEventName, location, name));
        }
        else if (name.Length > TelemetryLimits.MaxEventNameLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.EventNameTooLong,
                location,
                name,
                name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TelemetryLimits.MaxEventNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDescription, location, name));
        }

        if (AreaRules.Check(area) is { } reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArea, location, name, AreaRules.Display(area), reason));
        }

        if (version < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidSchemaVersion,
                location,
                name,
                version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static PropertyModel? ReadProperty(IParameterSymbol parameter, string structName, List<DiagnosticInfo> diagnostics)
    {
        var location = parameter.Locations.FirstOrDefault();
        var parameterName = parameter.Name;
        var diagnosticsBefore = diagnostics.Count;
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            var modifier = parameter.IsParams ? "params" : parameter.RefKind switch
            {
                RefKind.Ref => "ref",
                RefKind.Out => "out",
                RefKind.In => "in",
                RefKind.RefReadOnlyParameter => "ref readonly",
                _ => parameter.RefKind.ToString().ToLowerInvariant(),
            };
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameterModifier, location, parameterName, modifier));
            return null;
        }

        var typeDisplay = parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var typeRead = PropertyTypeReader.Read(parameter.Type);
        if (typeRead.Kind is not { } kind)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, location, parameterName, typeDisplay, typeRead.Hint));
            return null;
        }

        // Every value of an enum without members is undefined: sent as a bare number, with a warning, on every event.
        if (kind == PropertyKind.Enum && !typeRead.Underlying.GetMembers().Any(static m => m is IFieldSymbol { HasConstantValue: true }))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyEnum, location, parameterName, typeDisplay));
            return null;
        }

        if (kind == PropertyKind.Enum && typeRead.Underlying.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == KnownNames.FlagsAttribute))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FlagsEnumNotSupported, location, parameterName, typeDisplay));
            return null;
        }

        var classification = ReadClassification(parameter, out var description, out var explicitName, out var shapeArguments, diagnostics);
        // No default, whatever the type: a Guid can be a patient id and a DateTimeOffset a birth date.
        if (classification is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingClassification, location, parameterName));
            return null;
        }

        if (classification == Classification.PersonalData)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PersonalDataIsNeverSent, location, parameterName));
            return null;
        }

        var misfit = ClassificationMisfit(classification.Value, kind);
        if (misfit is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ClassificationDoesNotFitType,
                location,
                parameterName,
                typeDisplay,
                ClassificationAttributeName(classification.Value),
                misfit));
            return null;
        }

        var wireName = explicitName ?? NamingConventions.ToSnakeCase(parameterName);
        if (explicitName is null && kind == PropertyKind.TimeSpan && !wireName.EndsWith("_ms", System.StringComparison.Ordinal))
        {
            // Durations are sent in milliseconds: the key says so, so KQL readers never guess the unit.
            wireName += "_ms";
        }
        if (!NamingConventions.IsSnakeCase(wireName) || wireName.Length > TelemetryLimits.MaxPropertyNameLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidPropertyName,
                location,
                wireName,
                TelemetryLimits.MaxPropertyNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }

        if (System.Array.IndexOf(TelemetryLimits.ReservedPropertyNames, wireName) >= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedPropertyName, location, wireName));
            return null;
        }

        var enumMembers = ImmutableEquatableArray<EnumMemberModel>.Empty;
        string? enumTypeName = null;
        if (kind == PropertyKind.Enum)
        {
            enumTypeName = typeRead.Underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            enumMembers = ReadEnumMembers((INamedTypeSymbol)typeRead.Underlying);
            var clash = FindWireNameClash(enumMembers);
            if (clash is var (first, second))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateEnumWireName, location, typeRead.Underlying.Name, first.MemberName, second.MemberName, second.WireName));
                return null;
            }
        }

        // Last: a property already rejected gets no word about its shape on top.
        StringShapeModel? shape = null;
        if (classification == Classification.NotPersonal && diagnostics.Count == diagnosticsBefore
            && !ShapeRules.TryRead(shapeArguments, kind, parameterName, typeDisplay, location, diagnostics, out shape))
        {
            return null;
        }

        var isOptional = typeRead.IsNullableValueType || (kind == PropertyKind.String && parameter.NullableAnnotation == NullableAnnotation.Annotated);
        return new PropertyModel(
            EscapeIdentifier(parameterName),
            GeneratedNames.PayloadProperty(parameterName, structName),
            wireName,
            parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)),
            typeDisplay,
            kind,
            typeRead.IsNullableValueType,
            isOptional,
            classification.Value,
            description,
            enumTypeName,
            enumMembers,
            typeRead.Number,
            shape);
    }

    private static Classification? ReadClassification(
        IParameterSymbol parameter, out string description, out string? explicitName, out ShapeRules.Arguments? shape, List<DiagnosticInfo> diagnostics)
    {
        description = string.Empty;
        explicitName = null;
        shape = null;
        Classification? found = null;
        foreach (var attribute in parameter.GetAttributes())
        {
            Classification? classification = attribute.AttributeClass?.ToDisplayString() switch
            {
                KnownNames.NotPersonalAttribute => Classification.NotPersonal,
                KnownNames.PseudonymizedAttribute => Classification.Pseudonymized,
                KnownNames.FreeTextAttribute => Classification.FreeText,
                KnownNames.PersonalDataAttribute => Classification.PersonalData,
                _ => null,
            };
            if (classification is null)
            {
                continue;
            }

            if (found is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleClassifications, parameter.Locations.FirstOrDefault(), parameter.Name));
                continue;
            }

            found = classification;
            if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string text)
            {
                description = text;
            }

            if (classification == Classification.NotPersonal)
            {
                shape = new ShapeRules.Arguments();
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (shape is not null && shape.TryRead(argument.Key, argument.Value))
                {
                    continue;
                }

                if (argument.Key == "Name" && argument.Value.Value is string name)
                {
                    explicitName = name;
                }
                else if (argument.Key == "Description" && argument.Value.Value is string named)
                {
                    description = named;
                }
            }
        }

        return found;
    }

    private static string? ClassificationMisfit(Classification classification, PropertyKind kind) => classification switch
    {
        Classification.Pseudonymized when kind is not (PropertyKind.String or PropertyKind.Guid)
            => "only string and Guid identifiers can be pseudonymized",
        Classification.FreeText when kind != PropertyKind.String
            => "only strings hold free text to scrub",
        _ => null,
    };

    private static string ClassificationAttributeName(Classification classification) => classification switch
    {
        Classification.Pseudonymized => "Pseudonymized",
        Classification.FreeText => "FreeText",
        Classification.PersonalData => "PersonalData",
        _ => "NotPersonal",
    };

    private static ImmutableEquatableArray<EnumMemberModel> ReadEnumMembers(INamedTypeSymbol enumType)
    {
        var members = new List<EnumMemberModel>();
        var seenValues = new HashSet<object>();
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field && seenValues.Add(value))
            {
                members.Add(new EnumMemberModel(field.Name, NamingConventions.ToSnakeCase(field.Name)));
            }
        }

        return members.ToImmutableEquatableArray();
    }

    // Sms and SMS both become "sms": a dashboard would count two values as one.
    private static (EnumMemberModel First, EnumMemberModel Second)? FindWireNameClash(ImmutableEquatableArray<EnumMemberModel> members)
    {
        var seen = new Dictionary<string, EnumMemberModel>();
        foreach (var member in members)
        {
            if (seen.TryGetValue(member.WireName, out var first))
            {
                return (first, member);
            }

            seen.Add(member.WireName, member);
        }

        return null;
    }
}
