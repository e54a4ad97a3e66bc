@_exported import Regua
