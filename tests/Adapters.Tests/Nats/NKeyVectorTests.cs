using System.ComponentModel.DataAnnotations;
using System.Text;
using Autoscaler.Adapters.Nats;
using NATS.NKeys;

namespace Autoscaler.Adapters.Tests.Nats;

/// <summary>The NATS.NKeys package as the NATS adapter relies on it: published key pairs, Ed25519 signing, seed checks.</summary>
public sealed class NKeyVectorTests
{
    private const int SignatureLength = 64;

    [Theory]
    // Published pairs: the nkeys.net README (operator) and the NATS documentation's NKey authentication example (user).
    [InlineData("SOAELH6NJCEK4HST5644G4HK7TOAFZGRRJHNM4EUKUY7PPNDLIKO5IH4JM", "ODPWIBQJVIQ42462QAFI2RKJC4RZHCQSIVPRDDHWFCJAP52NRZK6Z2YC", PrefixByte.Operator)]
    [InlineData("SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY", "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4", PrefixByte.User)]
    public void Known_seed_gives_its_published_public_key(string seed, string publicKey, PrefixByte role)
    {
        using var pair = KeyPair.FromSeed(seed);

        Assert.Equal(publicKey, pair.GetPublicKey());
        Assert.Equal(seed, pair.GetSeed());
        Assert.Equal(role, pair.Prefix);
    }

    [Fact]
    public void Signing_matches_the_rfc8032_ed25519_test_vector_1()
    {
        var secret = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        using var generated = KeyPair.CreatePair(PrefixByte.User, new FixedSeedRandomNumberGenerator(secret));
        using var pair = KeyPair.FromSeed(generated.GetSeed());
        var signature = new byte[SignatureLength];

        pair.Sign(ReadOnlyMemory<byte>.Empty, signature);

        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(signature));
        // A public key's text is base32(role byte ‖ 32-byte key ‖ CRC16).
        var publicKey = pair.GetPublicKey();
        var raw = new byte[Base32.GetDataLength(publicKey)];
        Assert.Equal(35, Base32.FromBase32(publicKey, raw));
        Assert.Equal((byte)PrefixByte.User, raw[0]);
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(raw.AsSpan(1, 32)));
    }

    [Fact]
    public void Fresh_user_pair_signs_and_its_public_key_verifies()
    {
        using var pair = KeyPair.CreatePair(PrefixByte.User);
        var message = Encoding.UTF8.GetBytes("nonce-from-server");
        var signature = new byte[SignatureLength];

        pair.Sign(message, signature);
        using var verifier = KeyPair.FromPublicKey(pair.GetPublicKey());

        Assert.StartsWith("SU", pair.GetSeed(), StringComparison.Ordinal);
        Assert.StartsWith("U", pair.GetPublicKey(), StringComparison.Ordinal);
        Assert.Equal(58, pair.GetSeed().Length);
        Assert.Equal(56, pair.GetPublicKey().Length);
        Assert.True(verifier.Verify(message, signature));
        Assert.False(verifier.Verify(Encoding.UTF8.GetBytes("another-nonce"), signature));
    }

    [Fact]
    public void Reloading_a_generated_seed_gives_the_same_key()
    {
        using var pair = KeyPair.CreatePair(PrefixByte.User);
        using var reloaded = KeyPair.FromSeed(pair.GetSeed());

        Assert.Equal(pair.GetPublicKey(), reloaded.GetPublicKey());
    }

    [Theory]
    [InlineData("SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU4VY", "CRC")] // one character changed
    [InlineData("SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3", "CRC")] // truncated
    [InlineData("SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3V1", "base32")] // '1' is not base32
    [InlineData("UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4", "Seed")] // a public key, not a seed
    public void Invalid_seed_is_rejected_with_a_reason(string seed, string reason)
    {
        var error = Assert.ThrowsAny<Exception>(() => KeyPair.FromSeed(seed));
        var options = new NatsOptions { Url = "nats://127.0.0.1:4222", NKeySeed = seed };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        var message = Assert.Single(results).ErrorMessage;
        Assert.Contains("NKey seed is invalid", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_only_pair_cannot_sign()
    {
        using var verifier = KeyPair.FromPublicKey("UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4");

        Assert.Throws<NKeysException>(() => verifier.Sign(new byte[1], new byte[64]));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_matches_rfc4648_without_padding(string text, string encoded)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var chars = new char[Base32.GetEncodedLength(bytes)];
        var decoded = new byte[Base32.GetDataLength(encoded)];

        Assert.Equal(encoded, new string(chars, 0, Base32.ToBase32(bytes, chars)));
        Assert.Equal(bytes.Length, Base32.FromBase32(encoded, decoded));
        Assert.Equal(bytes, decoded);
    }
}
