namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>Addresses and field offsets of the SARK <c>sv</c> and <c>vcpu</c> structs (SPINNAKER.md §2.5).</summary>
public static class SystemVariables
{
    /// <summary>Address of <c>sv</c> (unbuffered SysRAM).</summary>
    public const uint SvBase = 0xF5007F00;
    /// <summary>p2p_addr (u16).</summary>
    public const int P2PAddr = 0x00;
    /// <summary>p2p_dims (u16, (w &lt;&lt; 8) | h).</summary>
    public const int P2PDims = 0x02;
    /// <summary>hw_ver (u8).</summary>
    public const int HwVer = 0x0A;
    /// <summary>eth_up (u8).</summary>
    public const int EthUp = 0x0B;
    /// <summary>unix_time (u32).</summary>
    public const int UnixTime = 0x1C;
    /// <summary>cpu_clk (u16).</summary>
    public const int CpuClk = 0x24;
    /// <summary>led0 (u32).</summary>
    public const int Led0 = 0x30;
    /// <summary>root_chip (u8).</summary>
    public const int RootChip = 0x40;
    /// <summary>iobuf_size (u32).</summary>
    public const int IobufSize = 0x50;
    /// <summary>boot_sig (u32).</summary>
    public const int BootSig = 0x5C;
    /// <summary>num_cpus (u8).</summary>
    public const int NumCpus = 0xBC;
    /// <summary>sdram_sys (u32): scratch SDRAM for router entries and APLX images.</summary>
    public const int SdramSys = 0xC8;
    /// <summary>vcpu_base (u32).</summary>
    public const int VcpuBase = 0xCC;
    /// <summary>Size of one vcpu record.</summary>
    public const int VcpuSize = 128;
    /// <summary>vcpu.rt_code (u8).</summary>
    public const int VcpuRtCode = 0x2C;
    /// <summary>vcpu.cpu_state (u8).</summary>
    public const int VcpuCpuState = 0x2E;
    /// <summary>vcpu.app_id (u8).</summary>
    public const int VcpuAppId = 0x2F;
    /// <summary>vcpu.app_name (16 bytes).</summary>
    public const int VcpuAppName = 0x48;
    /// <summary>vcpu.user0 (u32); user1..3 follow.</summary>
    public const int VcpuUser0 = 0x70;
    /// <summary>The P2P routing table in router space.</summary>
    public const uint P2PTable = 0xE1010000;
    /// <summary>The router control register (unbuffered).</summary>
    public const uint RouterControl = 0xF1000000;
}
