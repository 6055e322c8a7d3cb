"""cchc-docgen: YAML files in, NĐ30-formatted KẾ HOẠCH / BÁO CÁO documents out."""

__version__ = "0.1.0"
