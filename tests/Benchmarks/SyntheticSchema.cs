using System.Text;

namespace Amplify.DataStore.Benchmarks;

/// <summary>A large schema: a chain of models with scalars of every kind, an enum and hasMany/belongsTo relations.</summary>
internal static class SyntheticSchema
{
    public static string Create(int models, int fields)
    {
        var sb = new StringBuilder();
        sb.AppendLine("enum Level { LOW MEDIUM HIGH }");
        string[] scalars = { "String!", "Int", "Float", "Boolean", "AWSDate", "AWSDateTime", "AWSTimestamp", "AWSEmail", "[String!]", "Level", "AWSTime", "AWSURL", "String", "Int!" };
        for (int m = 0; m < models; m++)
        {
            sb.Append("type Model").Append(m).AppendLine(" @model {");
            sb.AppendLine("  id: ID!");
            int written = 1;
            if (m > 0)
            {
                sb.Append("  parent: Model").Append(m - 1).AppendLine(" @belongsTo");
                written++;
            }
            if (m < models - 1)
            {
                sb.Append("  children: [Model").Append(m + 1).AppendLine("] @hasMany");
                written++;
            }
            for (int f = 0; written < fields; f++, written++)
            {
                sb.Append("  field").Append(f).Append(": ").AppendLine(scalars[f % scalars.Length]);
            }
            sb.AppendLine("}");
        }
        return sb.ToString();
    }
}
