using System.Text;

namespace RiskMap.TestSupport;

public sealed record MvtFeature(int GeometryType, IReadOnlyDictionary<string, object> Attributes, IReadOnlyList<uint> Geometry);

public sealed record MvtLayer(string Name, int Extent, IReadOnlyList<MvtFeature> Features);

/// <summary>Decodes Mapbox Vector Tiles (protobuf, spec 2.1) enough to check layers, features and attributes.</summary>
public static class MvtReader
{
    public static IReadOnlyList<MvtLayer> Read(byte[] tile)
    {
        var layers = new List<MvtLayer>();
        var reader = new Reader(tile);
        while (reader.More)
        {
            var (field, _) = reader.Key();
            if (field == 3) layers.Add(ReadLayer(new Reader(reader.Bytes())));
            else reader.SkipLast();
        }
        return layers;
    }

    private static MvtLayer ReadLayer(Reader reader)
    {
        string name = "";
        var extent = 4096;
        var keys = new List<string>();
        var values = new List<object>();
        var features = new List<(List<uint> Tags, int Type, List<uint> Geometry)>();
        while (reader.More)
        {
            var (field, _) = reader.Key();
            switch (field)
            {
                case 1: name = Encoding.UTF8.GetString(reader.Bytes()); break;
                case 2: features.Add(ReadFeature(new Reader(reader.Bytes()))); break;
                case 3: keys.Add(Encoding.UTF8.GetString(reader.Bytes())); break;
                case 4: values.Add(ReadValue(new Reader(reader.Bytes()))); break;
                case 5: extent = (int)reader.Varint(); break;
                default: reader.SkipLast(); break;
            }
        }
        return new MvtLayer(name, extent, features.Select(f => new MvtFeature(f.Type,
            Enumerable.Range(0, f.Tags.Count / 2).ToDictionary(i => keys[(int)f.Tags[2 * i]], i => values[(int)f.Tags[2 * i + 1]]),
            f.Geometry)).ToList());
    }

    private static (List<uint> Tags, int Type, List<uint> Geometry) ReadFeature(Reader reader)
    {
        var tags = new List<uint>();
        var geometry = new List<uint>();
        var type = 0;
        while (reader.More)
        {
            var (field, _) = reader.Key();
            switch (field)
            {
                case 2: tags.AddRange(Packed(reader.Bytes())); break;
                case 3: type = (int)reader.Varint(); break;
                case 4: geometry.AddRange(Packed(reader.Bytes())); break;
                default: reader.SkipLast(); break;
            }
        }
        return (tags, type, geometry);
    }

    private static object ReadValue(Reader reader)
    {
        object value = "";
        while (reader.More)
        {
            var (field, _) = reader.Key();
            value = field switch
            {
                1 => Encoding.UTF8.GetString(reader.Bytes()),
                2 => (double)BitConverter.ToSingle(reader.Fixed(4)),
                3 => BitConverter.ToDouble(reader.Fixed(8)),
                4 => (double)(long)reader.Varint(),
                5 => (double)reader.Varint(),
                6 => (double)ZigZag(reader.Varint()),
                7 => reader.Varint() != 0,
                _ => throw new InvalidDataException($"Unknown value field {field}"),
            };
        }
        return value;
    }

    private static IEnumerable<uint> Packed(byte[] bytes)
    {
        var reader = new Reader(bytes);
        while (reader.More) yield return (uint)reader.Varint();
    }

    private static long ZigZag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);

    private sealed class Reader(byte[] data)
    {
        private int _position;
        private int _wireType;

        public bool More => _position < data.Length;

        public (int Field, int WireType) Key()
        {
            var key = Varint();
            _wireType = (int)(key & 7);
            return ((int)(key >> 3), _wireType);
        }

        public ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return result;
            }
        }

        public byte[] Bytes()
        {
            var length = (int)Varint();
            var bytes = data.AsSpan(_position, length).ToArray();
            _position += length;
            return bytes;
        }

        public byte[] Fixed(int length)
        {
            var bytes = data.AsSpan(_position, length).ToArray();
            _position += length;
            return bytes;
        }

        public void SkipLast()
        {
            switch (_wireType)
            {
                case 0: Varint(); break;
                case 1: _position += 8; break;
                case 2: Bytes(); break;
                case 5: _position += 4; break;
                default: throw new InvalidDataException($"Unknown wire type {_wireType}");
            }
        }
    }
}
