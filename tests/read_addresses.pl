#!/usr/bin/perl
# The address headers of .eml files as Email::MIME reads them (Email::Address::XS parses,
# Encode::MIME::Header decodes RFC 2047): a reader that shares no code with Python's email
# package. Prints one JSON object: {path: {"To": [[display name, address, valid], ...],
# "To fields": n}, ...}; a display name is "" when there is none.
use strict;
use warnings;
use Email::MIME;
use JSON::PP;

my %read;
for my $path (@ARGV) {
    open my $file, '<:raw', $path or die "$path: $!\n";
    my $raw = do { local $/; <$file> };
    close $file;
    my $message = Email::MIME->new($raw);
    my %fields;
    for my $field ('To', 'Cc', 'Bcc') {
        my @values = $message->header_raw($field);
        $fields{"$field fields"} = scalar @values;
        next unless @values;
        $fields{$field} = [map {
            [$_->phrase // '', $_->address // '', $_->is_valid ? JSON::PP::true : JSON::PP::false]
        } $message->header_as_obj($field)->addresses];
    }
    $read{$path} = \%fields;
}
print JSON::PP->new->canonical->utf8->encode(\%read);
