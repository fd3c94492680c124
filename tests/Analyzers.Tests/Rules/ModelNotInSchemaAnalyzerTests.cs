using Amplify.DataStore.Analyzers.Rules;
using Amplify.DataStore.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.ModelNotInSchemaAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class ModelNotInSchemaAnalyzerTests
{
    /// <summary>A hand-written type that satisfies <c>IModel&lt;T&gt;</c> but was not generated from any schema.</summary>
    private const string Note = """

        #nullable enable
        sealed class Note : IModel<Note>
        {
            public static Amplify.DataStore.Metadata.ModelMetadata Metadata => throw new System.NotSupportedException();
            public static void Write(Note model, Amplify.DataStore.Serialization.IModelWriter writer) => throw new System.NotSupportedException();
            public static Note Read(Amplify.DataStore.Serialization.IModelReader reader) => throw new System.NotSupportedException();
            public static FieldValue GetFieldValue(Note model, string fieldName) => throw new System.NotSupportedException();
            public static FieldValue ConvertValue(string fieldName, object? value) => throw new System.NotSupportedException();
        }
        """;

    [Test]
    public Task Hand_written_model_types_are_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Note note)
            {
                await store.{|#0:SaveAsync|}(note);
                await store.QueryAsync<{|#1:Note|}>();
                await store.QueryAsync<{|#2:Note|}>(n => n.GetHashCode() == 1);
                await store.QueryByIdAsync<{|#3:Note|}>("id");
                await store.{|#4:DeleteAsync|}(note);
                store.Observe<{|#5:Note|}>();
                store.ObserveQuery<{|#6:Note|}>();
            }
        }
        """ + Note,
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(0).WithArguments("Note", "blog.graphql"),
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(1).WithArguments("Note", "blog.graphql"),
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(2).WithArguments("Note", "blog.graphql"),
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(3).WithArguments("Note", "blog.graphql"),
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(4).WithArguments("Note", "blog.graphql"),
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(5).WithArguments("Note", "blog.graphql"),
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(6).WithArguments("Note", "blog.graphql"));

    [Test]
    public Task A_hand_written_type_named_like_a_schema_model_is_reported() => V.AnalyzerAsync("""
        namespace Other
        {
            class C
            {
                Task M(DataStore store) => store.QueryAsync<{|#0:Post|}>();
            }

            sealed class Post : IModel<Post>
            {
                public static Amplify.DataStore.Metadata.ModelMetadata Metadata => throw new System.NotSupportedException();
                public static void Write(Post model, Amplify.DataStore.Serialization.IModelWriter writer) => throw new System.NotSupportedException();
                public static Post Read(Amplify.DataStore.Serialization.IModelReader reader) => throw new System.NotSupportedException();
                public static FieldValue GetFieldValue(Post model, string fieldName) => throw new System.NotSupportedException();
                public static FieldValue ConvertValue(string fieldName, object value) => throw new System.NotSupportedException();
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(0).WithArguments("Post", "blog.graphql"));

    [Test]
    public Task Schema_models_and_generic_helpers_are_fine() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Post post)
            {
                await store.SaveAsync(post);
                await store.SaveAsync(post, Post.Where(p => p.Rating.Gt(1)));
                await store.QueryAsync<Post>();
                await store.QueryAsync<Comment>(c => c.Content == "x");
                await store.QueryAsync(post.Comments);
                await store.QueryByIdAsync<Post>("id");
                await store.DeleteAsync(Post.Where(p => p.Rating.Lt(1)));
                store.Observe<Comment>();
                store.ObserveQuery<Post>();
                await Save(store, post);
            }

            Task<T> Save<T>(DataStore store, T item) where T : class, IModel<T> => store.SaveAsync(item);
        }
        """);

    [Test]
    public async Task Without_a_schema_every_hand_written_model_is_reported()
    {
        var test = new CSharpAnalyzerTest<ModelNotInSchemaAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Test.cs", """
            using System.Threading.Tasks;
            using Amplify.DataStore;

            class C
            {
                Task M(DataStore store, Note note) => store.{|#0:SaveAsync|}(note);
            }
            """ + Note));
        test.TestState.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestState.AdditionalReferences.AddRange(References.All);
        test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
        test.ExpectedDiagnostics.Add(V.Diagnostic(DiagnosticDescriptors.ModelNotInSchema).WithLocation(0).WithArguments("Note", "no .graphql AdditionalFiles"));
        await test.RunAsync();
    }
}
