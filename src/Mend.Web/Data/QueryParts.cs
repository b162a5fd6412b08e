using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace Mend.Web.Data;

/// <summary>
/// Writes a part of a query (an access rule, a projection) once, as an expression, and puts it into queries in place of calls of a
/// method that stands for it, so that the same part serves queries built on each request and compiled queries (<c>EF.CompileAsyncQuery</c>,
/// which cannot call a method that returns an expression). The standing-in method's parameters are the part's, in order.
/// </summary>
public static class QueryParts
{
    /// <summary>A part and the static method on <paramref name="type"/> named <paramref name="standsIn"/> that stands for it in queries.</summary>
    /// <exception cref="ArgumentException">There is no such method, or its parameters and result are not the part's.</exception>
    public static Part For(Type type, string standsIn, LambdaExpression part)
    {
        var method = type.GetMethod(standsIn, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new ArgumentException($"{type.Name} has no static {standsIn}.", nameof(standsIn));
        if (!method.GetParameters().Select(p => p.ParameterType).SequenceEqual(part.Parameters.Select(p => p.Type)) || method.ReturnType != part.ReturnType)
        {
            throw new ArgumentException($"{standsIn} does not have the parameters and result of the part it stands for.", nameof(part));
        }

        return new(method, part);
    }

    /// <summary>A part of a query and the method that stands for it (made by <see cref="For"/>).</summary>
    public sealed record Part(MethodInfo StandsIn, LambdaExpression Body);

    /// <summary>
    /// <paramref name="query"/> with each call of a method standing for one of <paramref name="parts"/> replaced by that part's body, the
    /// call's arguments in place of the part's parameters (parts may use other parts).
    /// </summary>
    public static Expression<T> Inline<T>(Expression<T> query, params Part[] parts) => (Expression<T>)new Inliner(parts).Visit(query);

    private sealed class Inliner(Part[] parts) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (Array.Find(parts, p => p.StandsIn == node.Method)?.Body is not { } part)
            {
                return base.VisitMethodCall(node);
            }

            var arguments = node.Arguments.Select(Visit).ToList();
            return Visit(new ReplacingExpressionVisitor([.. part.Parameters], arguments!).Visit(part.Body));
        }
    }
}
