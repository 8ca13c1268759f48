using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Integration.Tests.Api;

public sealed class ApiKeyHasherTests
{
    [Fact]
    public void A_key_verifies_against_its_hash_and_no_other_key_does()
    {
        var key = ApiKeyHasher.NewKey();
        var hash = ApiKeyHasher.Hash(key);

        Assert.True(ApiKeyHasher.Verify(key, hash));
        Assert.False(ApiKeyHasher.Verify(ApiKeyHasher.NewKey(), hash));
        Assert.False(ApiKeyHasher.Verify(key + "x", hash));
        Assert.False(ApiKeyHasher.Verify(key[..^1], hash));
    }

    [Fact]
    public void Hashes_are_salted_and_never_contain_the_key()
    {
        var key = ApiKeyHasher.NewKey();

        var first = ApiKeyHasher.Hash(key);
        var second = ApiKeyHasher.Hash(key);

        Assert.NotEqual(first, second);
        Assert.True(ApiKeyHasher.Verify(key, second));
        Assert.StartsWith("hmac-sha256$", first, StringComparison.Ordinal);
        Assert.DoesNotContain(key[ApiKeyHasher.KeyPrefix.Length..], first, StringComparison.Ordinal);
    }

    [Fact]
    public void New_keys_are_prefixed_url_safe_and_carry_256_bits()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeyHasher.NewKey()).ToList();

        Assert.Equal(100, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, key =>
        {
            Assert.StartsWith(ApiKeyHasher.KeyPrefix, key, StringComparison.Ordinal);
            Assert.Equal(ApiKeyHasher.KeyPrefix.Length + 43, key.Length);
            Assert.Matches("^ask_[A-Za-z0-9_-]+$", key);
            Assert.False(ApiCredentials.LooksLikeJwt(key));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("hmac-sha256$$")]
    [InlineData("hmac-sha256$c2FsdA$bWFj")]
    [InlineData("pbkdf2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hmac-sha256$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Malformed_hashes_are_rejected(string hash)
    {
        Assert.False(ApiKeyHasher.TryParse(hash, out _));
        Assert.False(ApiKeyHasher.Verify("ask_anything", hash));
    }
}
