using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Waymark.Domain.Integrations;

namespace Waymark.Web.Api;

/// <summary>
/// The OpenAPI document served at <see cref="ApiEndpoints.OpenApiPath"/>: every endpoint of the API, the bearer scheme,
/// and for each operation the permission scope it needs (in its security requirement, its description and
/// <c>x-waymark-scope</c>) and the problem details it can answer with.
/// </summary>
public static class ApiOpenApi
{
    public const string DocumentName = "v1";

    public const string SecuritySchemeName = "bearer";

    public static void AddWaymarkOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, o =>
        {
            // The API's endpoints only: not the web pages, the health check or the catch-all for other /api paths.
            o.ShouldInclude = d => d.GroupName == DocumentName;
            o.AddDocumentTransformer(DescribeDocument);
            o.AddOperationTransformer(DescribeOperation);
        });
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Waymark API",
            Version = DocumentName,
            Description = "Read-only access for the council's other systems to the children an integration may see. " +
                "Each integration is registered by an LA administrator with a role (and school), which decides the children it sees " +
                "exactly as for a person in that role, and permission scopes, which decide what it may read. Every call is audited. " +
                $"Lists are paged (page, pageSize up to {ApiPaging.MaximumPageSize}). Errors are RFC 9457 problem details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "wmk_ followed by 43 base64url characters",
            Description = "The integration's token, issued by an LA administrator on Waymark's integrations page, in the Authorization header: " +
                "\"Authorization: Bearer wmk_...\". Scopes: " + string.Join("; ", ApiScopes.All.Select(s => $"{ApiScopes.Name(s)} ({ApiScopes.Description(s)})")),
        };
        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequiredApiScope>().FirstOrDefault() is { } required)
        {
            var name = ApiScopes.Name(required.Scope);

            // OpenAPI 3.1 lets a bearer scheme's requirement name the roles (here, scopes) it needs.
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [name] });
            operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : " ")}Needs the scope {name}.";
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
            operation.Extensions["x-waymark-scope"] = new JsonNodeExtension(JsonValue.Create(name));
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            parameter.Description = parameter.Name switch
            {
                "page" => "The page, from 1 (the first when left out). A page beyond the last is refused.",
                "pageSize" => $"Children a page, 1 to {ApiPaging.MaximumPageSize} ({ApiPaging.DefaultPageSize} when left out).",
                "schoolUrn" => "Only children on the roll of the school with this URN today.",
                "status" => "Only children with this status today: " + string.Join(", ", ApiCodes.All<Domain.Children.ChildStatusType>()) + ".",
                "academicYear" => "The academic year, e.g. 2025/26 or 2025; the current one when left out.",
                "id" => "The child's Waymark id (never a UPN or a name).",
                _ => parameter.Description,
            };
            if (parameter.Name is "page" or "pageSize" or "schoolUrn")
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" };
            }
        }

        return Task.CompletedTask;
    }
}
