# crealf, cimagf, cimag, creall, cimagl for the Wine prefix (see wine_prefix.py): Wine 8.0
# lists them in ucrtbase.dll but stops the process when one is called.
# Microsoft x64 calling convention: _Fcomplex (8 bytes) arrives by value in rcx;
# _Dcomplex and _Lcomplex (16 bytes; long double is double) arrive by address in rcx.
# The result goes back in xmm0.
        .text
        .globl  crealf, cimagf, cimag, creall, cimagl
crealf: movd    %ecx, %xmm0
        ret
cimagf: shrq    $32, %rcx
        movd    %ecx, %xmm0
        ret
cimag:
cimagl: movsd   8(%rcx), %xmm0
        ret
creall: movsd   (%rcx), %xmm0
        ret
