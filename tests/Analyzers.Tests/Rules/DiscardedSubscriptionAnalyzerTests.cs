using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.DiscardedSubscriptionAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class DiscardedSubscriptionAnalyzerTests
{
    [Test]
    public Task Subscriptions_used_as_statements_or_discarded_are_reported() => V.AnalyzerAsync("""
        using System;
        class C
        {
            void M(DataStore store)
            {
                store.Observe<Post>().{|#0:Subscribe|}(change => Console.WriteLine(change));
                _ = store.ObserveQuery<Post>(Post.Where(p => p.Rating.Gt(3))).{|#1:Subscribe|}(snapshot => { }, error => { });
                store.Observe<Comment>(c => c.Content == "x").{|#2:Subscribe|}(new Observer());
                var observable = store.Observe<Post>();
                observable.{|#3:Subscribe|}(_ => { });
                store.Events.{|#4:Subscribe|}(e => { });
            }

            void N(DataStore? store) => store?.Observe<Post>().{|#5:Subscribe|}(_ => { });

            sealed class Observer : IObserver<ModelChange<Comment>>
            {
                public void OnNext(ModelChange<Comment> value) { }
                public void OnError(Exception error) { }
                public void OnCompleted() { }
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(0).WithArguments("Subscribe"),
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(1).WithArguments("Subscribe"),
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(2).WithArguments("Subscribe"),
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(3).WithArguments("Subscribe"),
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(4).WithArguments("Subscribe"),
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(5).WithArguments("Subscribe"));

    [Test]
    public Task Extension_Subscribe_on_the_observable_is_reported() => V.AnalyzerAsync("""
        using System;
        static class ObservableExtensions
        {
            public static IDisposable Subscribe<T>(this IObservable<T> source, Action<T> onNext, Action onCompleted) => throw new NotSupportedException();
        }
        class C
        {
            void M(DataStore store) => store.Observe<Post>().{|#0:Subscribe|}(_ => { }, () => { });
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(0).WithArguments("Subscribe"));

    [Test]
    public Task Kept_subscriptions_are_fine() => V.AnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        class C
        {
            private IDisposable? _subscription;
            private readonly List<IDisposable> _all = new();

            async Task M(DataStore store)
            {
                var kept = store.Observe<Post>().Subscribe(_ => { });
                using var scoped = store.ObserveQuery<Post>().Subscribe(_ => { });
                using (store.Observe<Comment>().Subscribe(_ => { }))
                {
                    await Task.Delay(1);
                }
                _subscription = store.Observe<Post>().Subscribe(_ => { });
                _all.Add(store.Observe<Post>().Subscribe(_ => { }));
                kept.Dispose();
            }

            IDisposable Start(DataStore store) => store.Observe<Post>().Subscribe(_ => { });

            IDisposable? StartMaybe(DataStore? store) => store?.Observe<Post>().Subscribe(_ => { });
        }
        """);

    [Test]
    public Task Subscribe_on_other_observables_is_ignored() => V.AnalyzerAsync("""
        using System;
        class Source : IObservable<int>
        {
            public IDisposable Subscribe(IObserver<int> observer) => throw new NotSupportedException();
        }
        class C
        {
            void M(Source source, IObserver<int> observer) => source.Subscribe(observer);
        }
        """);
}
